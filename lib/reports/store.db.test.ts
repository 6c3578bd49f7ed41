import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cases, idempotencyKeys, reportLinks, reports } from "@/lib/db/schema";
import { ExpectedError } from "@/lib/errors";
import { decrypt } from "@/lib/security/crypto";
import { getSecrets } from "@/lib/security/secrets";
import { withTestDb } from "@/lib/testing/db";
import { reportOfReceipt } from "@/lib/testing/fixtures";
import { hashReceipt, parseReceipt } from "@/lib/text/receipt";
import { storeReport } from "./store";
import { reportSchema } from "./schema";
import { trackReport } from "./track";

const conn = withTestDb();

const rumor = (patch: Record<string, unknown> = {}) =>
  reportSchema.parse({
    kind: "rumor",
    category: "fake_incident",
    urls: [
      "https://m.facebook.com/story.php?story_fbid=10&id=20&fbclid=zzz",
      "https://youtu.be/abc123?si=x",
    ],
    description: "إشاعة كاذبة عن انفجار في محطة القطار بالرباط تنتشر على فيسبوك",
    contact: { email: "citizen@example.ma", phone: "+212600000000" },
    declaration: true,
    ...patch,
  });

describe("storeReport", () => {
  it("stores the report with canonical links, normalised text and encrypted contact, and no receipt in clear", async () => {
    const res = await storeReport(conn.db, rumor(), { locale: "ar" });
    expect(res.receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(res.status).toBe("received");
    const canonical = parseReceipt(res.receipt)!;
    const [row] = await conn.db
      .select()
      .from(reports)
      .where(eq(reports.receiptHash, hashReceipt(canonical)));
    expect(row.platform).toBe("facebook");
    expect(row.locale).toBe("ar");
    expect(row.descriptionNorm).toBe(
      "اشاعه كاذبه عن انفجار في محطه القطار بالرباط تنتشر علي فيسبوك",
    );
    expect(row.contactEnc).not.toContain("citizen");
    expect(JSON.parse(decrypt(row.contactEnc!, getSecrets().encryptionKey))).toEqual({
      email: "citizen@example.ma",
      phone: "+212600000000",
    });
    const links = await conn.db
      .select()
      .from(reportLinks)
      .where(eq(reportLinks.reportId, row.id))
      .orderBy(reportLinks.position);
    expect(links.map((l) => [l.canonicalUrl, l.platform])).toEqual([
      ["https://facebook.com/story.php?id=20&story_fbid=10", "facebook"],
      ["https://youtube.com/watch?v=abc123", "youtube"],
    ]);
    // Nothing in the table holds the receipt itself.
    const dump = await conn.db.execute(sql`select row_to_json(r)::text as j from reports r`);
    for (const r of dump.rows as { j: string }[]) expect(r.j).not.toContain(canonical);
  });

  it("keeps the chosen platform only when there is no link, and stores no contact when none is given", async () => {
    const res = await storeReport(conn.db, rumor({ urls: [], platform: "whatsapp", contact: {} }), {
      locale: "fr",
    });
    const [row] = await conn.db
      .select()
      .from(reports)
      .where(eq(reports.receiptHash, hashReceipt(parseReceipt(res.receipt)!)));
    expect(row.platform).toBe("whatsapp");
    expect(row.contactEnc).toBeNull();
    expect(row.locale).toBe("fr");
  });
});

describe("idempotency", () => {
  it("returns the same receipt for a retry and stores one report", async () => {
    const before = await conn.db.$count(reports);
    const a = await storeReport(conn.db, rumor(), { locale: "ar", idempotencyKey: "retry-1" });
    const b = await storeReport(conn.db, rumor(), { locale: "ar", idempotencyKey: "retry-1" });
    expect(b.receipt).toBe(a.receipt);
    expect(b.replayed).toBe(true);
    expect(await conn.db.$count(reports)).toBe(before + 1);
    const [key] = await conn.db.select().from(idempotencyKeys);
    expect(key.responseEnc).not.toContain(a.receipt);
  });

  it("refuses the same key with a different body", async () => {
    await storeReport(conn.db, rumor(), { locale: "ar", idempotencyKey: "retry-2" });
    await expect(
      storeReport(conn.db, rumor({ category: "security_rumor" }), {
        locale: "ar",
        idempotencyKey: "retry-2",
      }),
    ).rejects.toEqual(new ExpectedError("idempotency_conflict"));
  });

  it("stores one report when concurrent retries of one key race", async () => {
    const before = await conn.db.$count(reports);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        storeReport(conn.db, rumor(), { locale: "ar", idempotencyKey: "race-1" }),
      ),
    );
    expect(new Set(results.map((r) => r.receipt)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await conn.db.$count(reports)).toBe(before + 1);
  });
});

describe("trackReport", () => {
  it("finds a report by its receipt however it is typed, and shows only the public status", async () => {
    const res = await storeReport(conn.db, rumor(), { locale: "ar" });
    const typed = res.receipt
      .toLowerCase()
      .replace(/-/g, " ")
      .replace(/0/g, "o")
      .replace(/1/g, "l");
    const tracked = await trackReport(conn.db, typed);
    expect(tracked).toEqual({ status: "received", updatedAt: expect.any(String) });
    expect(Object.keys(tracked!)).toEqual(["status", "updatedAt"]);
  });

  it("shows the outcome once closed", async () => {
    const res = await storeReport(conn.db, rumor(), { locale: "ar" });
    const r = await reportOfReceipt(conn.db, res.receipt);
    const closedAt = new Date(Date.now() + 60_000);
    await conn.db
      .update(cases)
      .set({ status: "debunked", statusChangedAt: closedAt })
      .where(eq(cases.id, r.caseId));
    expect(await trackReport(conn.db, res.receipt)).toEqual({
      status: "closed",
      updatedAt: closedAt.toISOString(),
      outcome: "debunked",
    });
  });

  it.each(["0000-0000-0000-0000", "not a receipt", "", "UUUU-UUUU-UUUU-UUUU"])(
    "answers null for %j",
    async (typed) => {
      expect(await trackReport(conn.db, typed)).toBeNull();
    },
  );
});

describe("a stored link", () => {
  it("is what a moderator may safely read and copy: no controls, no credentials, the host in Unicode", async () => {
    const input = reportSchema.parse(
      rumor({ urls: ["https://user:secret@xn--mgbh0fb.xn--kgbechtv/\u202Eexe.pdf?id=7"] }),
    );
    const r = await storeReport(conn.db, input, { locale: "ar" });
    const report = await reportOfReceipt(conn.db, r.receipt);
    const [link] = await conn.db
      .select()
      .from(reportLinks)
      .where(eq(reportLinks.reportId, report.id));
    expect(link.url).toBe("https://مثال.إختبار/exe.pdf?id=7");
  });
});
