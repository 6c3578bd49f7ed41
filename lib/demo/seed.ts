import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { createStaff, loadActor } from "@/lib/auth/staff";
import { transitionCase } from "@/lib/cases/service";
import type { Role } from "@/lib/cases/workflow";
import { env } from "@/lib/env";
import { storeReport } from "@/lib/reports/store";
import { reportSchema } from "@/lib/reports/schema";
import { hashReceipt, parseReceipt } from "@/lib/text/receipt";
import type { Db } from "@/lib/db/connect";
import { seedDemoHistory } from "./history";
import { reports, staffUsers } from "@/lib/db/schema";

// Demo receipts and accounts are printed in the README so that anyone can try the app.
export const DEMO_RECEIPTS = {
  received: "DEM0-0000-0000-0001",
  inReview: "DEM0-0000-0000-0002",
  closed: "DEM0-0000-0000-0003",
} as const;

export const DEMO_STAFF: { email: string; roles: Role[]; name: string }[] = [
  { email: "moderator@demo.iblagh.local", roles: ["moderator"], name: "Demo moderator" },
  { email: "publisher@demo.iblagh.local", roles: ["publisher"], name: "Demo publisher" },
  { email: "admin@demo.iblagh.local", roles: ["admin"], name: "Demo admin" },
];

const demoReports = [
  {
    receipt: DEMO_RECEIPTS.received,
    locale: "ar",
    input: {
      kind: "rumor",
      category: "security_rumor",
      urls: ["https://www.facebook.com/groups/demo/posts/1001?fbclid=demo"],
      description:
        "منشور يدعي وقوع عمليات اختطاف للأطفال قرب المدارس في الدار البيضاء، دون أي مصدر رسمي.",
      declaration: true,
    },
    path: [],
  },
  {
    receipt: DEMO_RECEIPTS.inReview,
    locale: "fr",
    input: {
      kind: "rumor",
      category: "impersonation",
      urls: [],
      platform: "whatsapp",
      description:
        "Un faux communiqué attribué à la police circule sur WhatsApp et annonce un couvre-feu à Rabat.",
      declaration: true,
    },
    path: [{ to: "triage" }],
  },
  {
    receipt: DEMO_RECEIPTS.closed,
    locale: "en",
    input: {
      kind: "violent_content",
      category: "violence",
      urls: ["https://www.tiktok.com/@demo/video/7300000000000000001?is_from_webapp=1"],
      description:
        "A video shows a street assault and is being shared with calls for revenge in the comments.",
      declaration: true,
    },
    path: [
      { to: "triage" },
      { to: "expertise" },
      {
        to: "referred",
        note: "Technical expertise done; referred to the judicial police.",
        referral: {
          date: "2025-03-14",
          unit: "Brigade nationale de police judiciaire",
          reference: "DEMO-2025-001",
        },
      },
    ],
  },
] as const;

/** Demo staff accounts (password DEMO_PASSWORD), created if missing. */
export async function seedDemoStaff(db: Db): Promise<void> {
  for (const s of DEMO_STAFF) {
    const [exists] = await db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(eq(staffUsers.email, s.email));
    if (!exists) await createStaff(db, { ...s, password: env.DEMO_PASSWORD });
  }
}

/** Loads demo content into an empty database, through the same services the app uses. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(reports);
  if (n > 0) return false;
  await seedDemoStaff(db);
  const [mod] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.email, DEMO_STAFF[0].email));
  const moderator = (await loadActor(db, mod.id)) as Actor;
  const [pubRow] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.email, DEMO_STAFF[1].email));
  const publisher = (await loadActor(db, pubRow.id)) as Actor;
  await seedDemoHistory(db, moderator, publisher);
  for (const demo of demoReports) {
    const canonical = parseReceipt(demo.receipt)!;
    await storeReport(db, reportSchema.parse(demo.input), {
      locale: demo.locale,
      receipt: canonical,
    });
    const [r] = await db
      .select({ caseId: reports.caseId })
      .from(reports)
      .where(eq(reports.receiptHash, hashReceipt(canonical)));
    for (const step of demo.path)
      await transitionCase(db, moderator, { caseId: r.caseId, ...step });
  }
  return true;
}
