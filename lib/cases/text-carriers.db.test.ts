import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { storeReports } from "@/lib/reports/store";
import { reportSchema } from "@/lib/reports/schema";
import { withTestDb } from "@/lib/testing/db";
import { reportOfReceipt, staff, textCarriersOf } from "@/lib/testing/fixtures";
import { bandKeys } from "@/lib/text/minhash";
import { normalizeText } from "@/lib/text/normalize";
import { findCasesByText } from "./matching/text";
import { splitReport } from "./service";

const conn = withTestDb();

const forwarded = (description: string) => ({
  input: reportSchema.parse({
    kind: "rumor",
    category: "fake_incident",
    urls: [],
    platform: "whatsapp",
    description,
    declaration: true,
  }),
  opts: { locale: "ar" as const },
});

/** Stores the texts (one batch per inner array) and returns each report's id and case. */
async function submit(...batches: string[][]) {
  const stored: { id: string; caseId: string }[] = [];
  for (const batch of batches) {
    for (const o of await storeReports(conn.db, batch.map(forwarded))) {
      if (!o.ok) throw o.error;
      stored.push(await reportOfReceipt(conn.db, o.value.receipt));
    }
  }
  return stored;
}

const carriersOf = (caseId: string) => textCarriersOf(conn.db, caseId);

/** The open cases a new copy of the text would be matched to. */
const foundBy = async (text: string) => {
  const norm = normalizeText(text);
  return (
    await findCasesByText(conn.db, {
      kind: "rumor",
      norm,
      bandKeys: bandKeys(norm),
      minScore: env.CASE_MERGE_THRESHOLD,
    })
  )
    .map((m) => m.caseId)
    .sort();
};

describe("a forwarded message's bands (MinHash keys) are stored once per case", () => {
  it("by its first report, not by copies that join it; a variant stores its own", async () => {
    const text = `عاجل: انقطاع الماء في كل أحياء المدينة ${Date.now()} لمدة ثلاثة أيام، املؤوا القوارير وشاركوا الرسالة`;
    const variant = `${text} بسرعة`;
    const stored = await submit([text, text, text], [text], [text, variant]);
    const caseId = stored[0].caseId;
    expect(stored.every((r) => r.caseId === caseId)).toBe(true);
    expect(await carriersOf(caseId)).toEqual([stored[0].id, stored[5].id].sort());
    expect(await foundBy(text)).toEqual([caseId]);
  });

  it("and a split keeps both cases findable: the case left behind and the new one each get a carrier", async () => {
    const mod = await staff(conn.db, ["moderator"]);
    const text = `تحذير: لصوص يتنكرون في زي عمال الكهرباء ${Date.now()} ويدخلون البيوت، لا تفتحوا الباب لأحد`;
    const [carrier, copy1, copy2] = await submit([text, text, text]);
    // A copy split off: its new case has no carrier unless the split gives it one.
    const copyCase = await splitReport(conn.db, mod, {
      reportId: copy2.id,
      note: "another message",
    });
    expect(await carriersOf(copyCase)).toEqual([copy2.id]);
    // The carrier split off: the copy left behind carries the text for its case from then on.
    const carrierCase = await splitReport(conn.db, mod, {
      reportId: carrier.id,
      note: "another message",
    });
    expect(await carriersOf(carrierCase)).toEqual([carrier.id]);
    expect(await carriersOf(carrier.caseId)).toEqual([copy1.id]);
    expect(await foundBy(text)).toEqual([carrier.caseId, copyCase, carrierCase].sort());
  });
});
