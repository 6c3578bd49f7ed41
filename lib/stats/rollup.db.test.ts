import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { transitionCase } from "@/lib/cases/service";
import { withdrawStatement } from "@/lib/statements/lifecycle";
import { withTestDb } from "@/lib/testing/db";
import { publishedStatement, report, staff } from "@/lib/testing/fixtures";
import { env } from "@/lib/env";
import { getYearFigures, getYearDetail } from "./figures";
import { rebuildRollup } from "./rebuild";

const conn = withTestDb();

let mod: Actor, pub: Actor;
beforeAll(async () => {
  mod = await staff(conn.db, ["moderator"]);
  pub = await staff(conn.db, ["publisher"]);
});

const year = async (y: number) => (await getYearFigures(conn.db, y, y))[0];

async function publishedDenial(at: Date) {
  const r = await report(
    conn.db,
    { urls: [`https://x.com/s/status/${Math.floor(Math.random() * 1e12)}`] },
    { now: new Date(at.getTime() - 86400_000) },
  );
  return (await publishedStatement(conn.db, { mod, pub }, r.caseId, { at })).id;
}

describe("the yearly figures change when, and only when, they should", () => {
  it("counts reports, their breakdowns, cases opened and reports that joined a case", async () => {
    const at = new Date("2021-05-10T10:00:00Z");
    await report(
      conn.db,
      { urls: ["https://www.tiktok.com/@a/video/1"], locale: "fr" },
      { now: at },
    );
    await report(conn.db, { urls: ["https://tiktok.com/@a/video/1"], locale: "ar" }, { now: at });
    await report(
      conn.db,
      { platform: "whatsapp", description: "رسالة واتساب محولة عن حادث لم يقع في مدينة سلا" },
      { now: at },
    );
    const y = await year(2021);
    expect(y).toMatchObject({
      reportsReceived: 3,
      casesOpened: 2,
      joinedExistingShare: 33.3,
      statements: { total: 0 },
      violentContentDetected: 0,
    });
    const detail = await getYearDetail(conn.db, 2021);
    expect(detail.reportsBy.platform).toEqual([
      { key: "tiktok", value: 2 },
      { key: "whatsapp", value: 1 },
    ]);
    expect(detail.reportsBy.locale.find((l) => l.key === "fr")?.value).toBe(1);
    expect(detail.months.reports[4]).toBe(3);
  });

  it("counts a statement in its publication year; withdrawing lists it as withdrawn but keeps the count", async () => {
    const id = await publishedDenial(new Date("2022-03-01T12:00:00Z"));
    expect((await year(2022)).statements).toMatchObject({ denial: 1, total: 1 });
    await withdrawStatement(
      conn.db,
      pub,
      { id, reason: "erreur" },
      new Date("2023-01-05T12:00:00Z"),
    );
    expect(await year(2022)).toMatchObject({ statements: { total: 1 }, withdrawn: 1 });
    expect((await year(2023)).withdrawn).toBe(0);
  });

  it("counts a violent content when it reaches expertise, and its referral with the year it was detected", async () => {
    const r = await report(
      conn.db,
      { kind: "violent_content", category: "violence", urls: ["https://x.com/v/status/42"] },
      { now: new Date("2020-12-20T10:00:00Z") },
    );
    await transitionCase(conn.db, mod, {
      caseId: r.caseId,
      to: "triage",
      at: new Date("2020-12-21T10:00:00Z"),
    });
    expect((await year(2020)).violentContentDetected).toBe(0);
    await transitionCase(conn.db, mod, {
      caseId: r.caseId,
      to: "expertise",
      at: new Date("2020-12-22T10:00:00Z"),
    });
    expect((await year(2020)).violentContentDetected).toBe(1);
    await transitionCase(conn.db, mod, {
      caseId: r.caseId,
      to: "referred",
      at: new Date("2021-01-10T10:00:00Z"),
      note: "ok",
      referral: { date: "2021-01-10", unit: "PJ", reference: "1" },
    });
    expect((await year(2020)).judicialReferrals).toBe(1);
    expect((await year(2021)).judicialReferrals).toBe(0);
  });

  it("follows the configured time zone at New Year (Africa/Casablanca by default)", async () => {
    await publishedDenial(new Date("2018-12-31T23:30:00Z"));
    expect((await year(2018)).statements.total).toBe(0);
    expect((await year(2019)).statements.total).toBe(1);
  });

  it("gives the change from the year before, in numbers and percent", async () => {
    await publishedDenial(new Date("2017-06-01T12:00:00Z"));
    await publishedDenial(new Date("2017-07-01T12:00:00Z"));
    await publishedDenial(new Date("2016-07-01T12:00:00Z"));
    expect((await year(2017)).debunkChange).toEqual({ absolute: 1, percent: 100 });
  });

  it("can be rebuilt from the data alone, to the same statement, violent-content and report counts", async () => {
    const pick = (ys: Awaited<ReturnType<typeof getYearFigures>>) =>
      ys.map((y) => [
        y.year,
        y.statements,
        y.withdrawn,
        y.violentContentDetected,
        y.judicialReferrals,
        y.reportsReceived,
        y.casesOpened,
        y.reportsWithImages,
        y.reportsAnsweredAtIntake,
      ]);
    const before = pick(await getYearFigures(conn.db, 2016, 2023));
    await rebuildRollup(conn.db, env.STATS_TIMEZONE);
    expect(pick(await getYearFigures(conn.db, 2016, 2023))).toEqual(before);
  });
});
