import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { requireStaffPage } from "@/lib/auth/session";
import { CASE_ROLES } from "@/lib/cases/workflow";
import { getDb } from "@/lib/db/client";
import { listStatementsForStaff } from "@/lib/statements/staff";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "staff.statement" }))("deskTitle") };
}

export default async function StatementsDesk({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  await requireStaffPage(locale, [...CASE_ROLES], `/${locale}/moderation/statements`);
  const rows = await listStatementsForStaff(await getDb());
  const t = await getTranslations({ locale, namespace: "staff.statement" });
  const sections = [
    ["deskReview", rows.filter((r) => r.inReview)],
    ["deskDrafts", rows.filter((r) => r.status === "draft")],
    ["deskPublished", rows.filter((r) => r.status === "published" && !r.inReview)],
    ["deskWithdrawn", rows.filter((r) => r.status === "withdrawn")],
  ] as const;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("deskTitle")}</h1>
      {sections.map(([key, list]) => (
        <section
          key={key}
          aria-labelledby={`desk-${key}`}
          className="space-y-2"
          data-testid={`desk-${key}`}
        >
          <h2 id={`desk-${key}`} className="text-lg font-semibold">
            {t(key)} ({list.length})
          </h2>
          {list.length === 0 ? <p className="text-sm text-slate-600">{t("deskEmpty")}</p> : null}
          <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
            {list.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2 p-3 text-sm">
                <span className="font-semibold">{t(`types.${r.type as "denial"}`)}</span>
                <span>{t("case", { ref: r.caseRef })}</span>
                <span dir="rtl" className="flex-1">
                  {r.title || "—"}
                </span>
                <span dir="ltr" className="text-slate-600">
                  {r.authorEmail}
                </span>
                <Link locale={locale} href={`/moderation/statements/${r.id}`} className="underline">
                  {t("open")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
