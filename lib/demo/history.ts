import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { transitionCase } from "@/lib/cases/service";
import { CATEGORIES } from "@/lib/reports/categories";
import { storeReport } from "@/lib/reports/store";
import { reportSchema } from "@/lib/reports/schema";
import {
  createStatementDraft,
  publishStatement,
  submitStatement,
  updateStatement,
} from "@/lib/statements/lifecycle";
import { hashReceipt, parseReceipt } from "@/lib/text/receipt";
import type { Db } from "@/lib/db/connect";
import { reports } from "@/lib/db/schema";

// Two years of believable activity, written through the same services as the app, so that the
// computed figures are the published ones: 40 denial and truth statements in 2024, 29 in 2025,
// 260 violent contents detected in 2025. Only this plan knows those numbers; the figures code
// counts whatever happened.
export const DEMO_PLAN = {
  2024: { denial: 26, truth: 14, communique: 5, violent: 120, referredShare: 0.7 },
  2025: { denial: 18, truth: 11, communique: 7, violent: 260, referredShare: 0.75 },
} as const;

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = [
  "الدار البيضاء",
  "الرباط",
  "فاس",
  "مراكش",
  "طنجة",
  "أكادير",
  "وجدة",
  "مكناس",
  "تطوان",
  "العيون",
];
const CITIES_LATIN = [
  "Casablanca",
  "Rabat",
  "Fès",
  "Marrakech",
  "Tanger",
  "Agadir",
  "Oujda",
  "Meknès",
  "Tétouan",
  "Laâyoune",
];
const RUMORS = [
  {
    ar: "منشور يزعم اختطاف أطفال أمام مدرسة في {city}",
    fr: "Un message affirme que des enfants ont été enlevés devant une école à {city}",
    en: "A post claims children were abducted outside a school in {city}",
  },
  {
    ar: "بلاغ مزور منسوب للأمن الوطني يعلن حظر التجول في {city}",
    fr: "Un faux communiqué attribué à la police annonce un couvre-feu à {city}",
    en: "A forged police communiqué announces a curfew in {city}",
  },
  {
    ar: "فيديو قديم يُقدَّم على أنه مواجهات جرت اليوم في {city}",
    fr: "Une vieille vidéo présentée comme des affrontements survenus aujourd’hui à {city}",
    en: "An old video presented as clashes that happened today in {city}",
  },
  {
    ar: "رسالة صوتية تدعي سرقات بالجملة في أسواق {city}",
    fr: "Un message vocal prétend que des vols en série ont lieu dans les souks de {city}",
    en: "A voice note claims a wave of thefts in the markets of {city}",
  },
  {
    ar: "صورة معدلة تظهر انتشارا أمنيا غير مسبوق في {city}",
    fr: "Une photo retouchée montre un déploiement policier inédit à {city}",
    en: "A doctored photo shows an unprecedented police deployment in {city}",
  },
];
const VIOLENT = [
  {
    ar: "فيديو يوثق اعتداء بالسلاح الأبيض على مواطن في {city}",
    fr: "Vidéo d’une agression à l’arme blanche contre un passant à {city}",
    en: "Video of a knife attack on a passer-by in {city}",
  },
  {
    ar: "مقطع يظهر شجارا عنيفا بين مجموعة من الشباب في {city}",
    fr: "Séquence d’une violente bagarre entre des jeunes à {city}",
    en: "Footage of a violent fight between young men in {city}",
  },
  {
    ar: "فيديو لشخص يهدد المارة بسيف في أحد شوارع {city}",
    fr: "Vidéo d’un homme menaçant des passants avec un sabre dans une rue de {city}",
    en: "Video of a man threatening passers-by with a sword in a street of {city}",
  },
];
const PLATFORMS_URL = [
  (id: string) => `https://www.facebook.com/demo.page/posts/${id}`,
  (id: string) => `https://www.tiktok.com/@demo/video/${id}`,
  (id: string) => `https://x.com/demo/status/${id}`,
  (id: string) => `https://www.instagram.com/reel/${id}`,
  (id: string) => `https://www.youtube.com/watch?v=${id}`,
];
const LOCALES = ["ar", "ar", "ar", "fr", "fr", "en"] as const;

export async function seedDemoHistory(db: Db, moderator: Actor, publisher: Actor): Promise<void> {
  const rand = prng(2025);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  let seq = 0;
  const dateIn = (year: number) =>
    new Date(Date.UTC(year, 0, 1) + Math.floor(rand() * 345 * 86400_000) + 8 * 3600_000);
  const later = (d: Date, minHours: number, maxHours: number) =>
    new Date(d.getTime() + (minHours + rand() * (maxHours - minHours)) * 3600_000);

  async function reportCase(
    kind: "rumor" | "violent_content",
    at: Date,
  ): Promise<{ caseId: string; city: number; tpl: number }> {
    const tpl = Math.floor(rand() * (kind === "rumor" ? RUMORS.length : VIOLENT.length));
    const city = Math.floor(rand() * CITIES.length);
    const url = PLATFORMS_URL[Math.floor(rand() * PLATFORMS_URL.length)](
      `${7_300_000_000 + ++seq}`,
    );
    // Every demo report has a link, so cases form by link and the plan's counts hold exactly.
    const withLink = true;
    const copies = 1 + Math.floor(rand() * rand() * 4);
    let caseId = "";
    for (let i = 0; i < copies; i++) {
      const locale = pick(LOCALES);
      const text = (kind === "rumor" ? RUMORS : VIOLENT)[tpl][locale].replace(
        "{city}",
        locale === "ar" ? CITIES[city] : CITIES_LATIN[city],
      );
      const input = reportSchema.parse({
        kind,
        category:
          kind === "rumor"
            ? pick(CATEGORIES.rumor.slice(0, 4))
            : pick(CATEGORIES.violent_content.slice(0, 4)),
        urls: withLink ? [url] : [],
        platform: withLink ? undefined : pick(["whatsapp", "telegram", "facebook"]),
        description: `${text} (${seq}-${i})`,
        declaration: true,
        locale,
      });
      const res = await storeReport(db, input, { locale, now: later(at, i * 2, i * 2 + 2) });
      if (!caseId) {
        const [r] = await db
          .select({ caseId: reports.caseId })
          .from(reports)
          .where(eq(reports.receiptHash, hashReceipt(parseReceipt(res.receipt)!)));
        caseId = r.caseId;
      }
    }
    if (!caseId) throw new Error("demo case not found");
    return { caseId, city, tpl };
  }

  for (const [yearText, plan] of Object.entries(DEMO_PLAN)) {
    const year = Number(yearText);
    const statementTypes = [
      ...Array(plan.denial).fill("denial"),
      ...Array(plan.truth).fill("truth"),
      ...Array(plan.communique).fill("communique"),
    ] as ("denial" | "truth" | "communique")[];
    for (const type of statementTypes) {
      const at = dateIn(year);
      const { caseId, city, tpl } = await reportCase("rumor", at);
      await transitionCase(db, moderator, { caseId, to: "triage", at: later(at, 2, 6) });
      await transitionCase(db, moderator, { caseId, to: "verifying", at: later(at, 6, 12) });
      const id = await createStatementDraft(db, moderator, { caseId, type });
      const claim = RUMORS[tpl].ar.replace("{city}", CITIES[city]);
      const verdict =
        type === "denial" ? "خبر زائف" : type === "truth" ? "توضيح للوقائع" : "بلاغ توضيحي";
      const content = {
        ar: {
          title:
            type === "denial"
              ? `لا صحة لما يروج: ${claim}`
              : type === "truth"
                ? `حقيقة ما جرى: ${claim}`
                : `بلاغ توضيحي بخصوص ${claim}`,
          summary: `تؤكد المصالح الأمنية بعد التحقق أن ${type === "denial" ? "هذا الخبر عار من الصحة" : "الوقائع مختلفة عما يتم تداوله"}.`,
          body: `بعد التحقق من المعطيات المتداولة بخصوص ${claim}، **${type === "denial" ? "تنفي" : "توضح"}** المصالح الأمنية ما يروج، وتدعو إلى تحري الدقة قبل النشر.`,
          claimReviewed: claim,
          verdict,
        },
        ...(rand() < 0.5
          ? {
              fr: {
                title:
                  type === "denial"
                    ? `Démenti : ${RUMORS[tpl].fr.replace("{city}", CITIES_LATIN[city])}`
                    : `Mise au point : ${RUMORS[tpl].fr.replace("{city}", CITIES_LATIN[city])}`,
                summary: "Après vérification, les services de sécurité rétablissent les faits.",
                body: "Les informations qui circulent ont été **vérifiées** : elles sont inexactes.",
                claimReviewed: RUMORS[tpl].fr.replace("{city}", CITIES_LATIN[city]),
                verdict: type === "denial" ? "Faux" : "Mise au point",
              },
            }
          : {}),
      };
      await updateStatement(db, moderator, { id, content, appearances: [] });
      await submitStatement(db, moderator, { id });
      await publishStatement(db, publisher, { id }, later(at, 24, 24 * 6));
    }
    for (let i = 0; i < plan.violent; i++) {
      const at = dateIn(year);
      const { caseId } = await reportCase("violent_content", at);
      await transitionCase(db, moderator, { caseId, to: "triage", at: later(at, 1, 4) });
      await transitionCase(db, moderator, { caseId, to: "expertise", at: later(at, 4, 24) });
      if (rand() < plan.referredShare) {
        await transitionCase(db, moderator, {
          caseId,
          to: "referred",
          at: later(at, 30, 24 * 6),
          note: "Expertise technique concluante ; transmis à la police judiciaire.",
          referral: {
            date: later(at, 30, 30).toISOString().slice(0, 10),
            unit: "Police judiciaire",
            reference: `DEMO-${year}-${i + 1}`,
          },
        });
      }
    }
  }
}
