import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "./connect";
import { reports } from "./schema";
import { submitReport } from "@/lib/reports/intake";
import { reportSchema } from "@/lib/reports/schema";
import { hashReceipt, parseReceipt } from "@/lib/text/receipt";

// Demo receipts are printed in the README so that anyone can try the tracking page.
export const DEMO_RECEIPTS = {
  received: "DEM0-0000-0000-0001",
  inReview: "DEM0-0000-0000-0002",
  closed: "DEM0-0000-0000-0003",
} as const;

const demoReports = [
  {
    receipt: DEMO_RECEIPTS.received,
    locale: "ar",
    input: {
      kind: "rumor",
      category: "security_rumor",
      urls: ["https://www.facebook.com/groups/demo/posts/1001?fbclid=demo"],
      description: "منشور يدعي وقوع عمليات اختطاف للأطفال قرب المدارس في الدار البيضاء، دون أي مصدر رسمي.",
      declaration: true,
    },
  },
  {
    receipt: DEMO_RECEIPTS.inReview,
    locale: "fr",
    input: {
      kind: "rumor",
      category: "impersonation",
      urls: [],
      platform: "whatsapp",
      description: "Un faux communiqué attribué à la police circule sur WhatsApp et annonce un couvre-feu à Rabat.",
      declaration: true,
    },
    status: "in_review",
  },
  {
    receipt: DEMO_RECEIPTS.closed,
    locale: "en",
    input: {
      kind: "violent_content",
      category: "violence",
      urls: ["https://www.tiktok.com/@demo/video/7300000000000000001?is_from_webapp=1"],
      description: "A video shows a street assault and is being shared with calls for revenge in the comments.",
      declaration: true,
    },
    status: "closed",
    outcome: "referred",
  },
] as const;

/** Loads demo content into an empty database, through the same intake the app uses. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(reports);
  if (n > 0) return false;
  for (const demo of demoReports) {
    const canonical = parseReceipt(demo.receipt)!;
    await submitReport(db, reportSchema.parse(demo.input), { locale: demo.locale, receipt: canonical });
    if ("status" in demo) {
      await db
        .update(reports)
        .set({ status: demo.status, outcome: "outcome" in demo ? demo.outcome : null })
        .where(eq(reports.receiptHash, hashReceipt(canonical)));
    }
  }
  return true;
}
