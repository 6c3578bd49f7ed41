import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { TypeBadge } from "@/components/statements/type-badge";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { cachedStatementList } from "@/lib/statements/cache";
import { statementListSchema } from "@/lib/statements/public";
import { STATEMENT_TYPES } from "@/lib/statements/schema";
import { PLATFORMS } from "@/lib/text/canonical-url";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "statements" });
  return {
    title: t("listTitle"),
    description: t("listIntro"),
    alternates: { types: { "application/rss+xml": `/${locale}/statements/feed.xml` } },
  };
}

const control = "rounded-lg border border-gray-400 bg-white px-2 py-2";

export default async function StatementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { locale: raw } = await params;
  const locale = (isLocale(raw) ? raw : "ar") as Locale;
  setRequestLocale(locale);
  const query = statementListSchema.parse(await searchParams);
  const { items, total, nextCursor } = await cachedStatementList(locale, query, 20);
  const t = await getTranslations({ locale, namespace: "statements" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const format = await getFormatter({ locale });
  const thisYear = new Date().getUTCFullYear();
  const next = new URLSearchParams(
    Object.entries({ ...query, cursor: nextCursor ?? "" })
      .filter((e): e is [string, string] => Boolean(e[1]))
      .map(([k, v]) => [k, String(v)]),
  );

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("listTitle")}</h1>
        <p className="text-muted">{t("listIntro")}</p>
      </div>
      <form
        method="get"
        className="grid grid-cols-2 gap-3 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-4"
        role="search"
      >
        <label className="col-span-2 flex flex-col gap-1 sm:col-span-4">
          <span className="font-semibold">{t("search")}</span>
          <input
            type="search"
            name="q"
            dir="auto"
            defaultValue={query.q ?? ""}
            placeholder={t("searchPlaceholder")}
            className={control}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span>{t("filterType")}</span>
          <select name="type" defaultValue={query.type ?? ""} className={control}>
            <option value="">{t("all")}</option>
            {STATEMENT_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`types.${ty}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span>{t("filterYear")}</span>
          <select
            name="year"
            defaultValue={query.year ? String(query.year) : ""}
            className={control}
          >
            <option value="">{t("all")}</option>
            {Array.from({ length: thisYear - 2022 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span>{t("filterPlatform")}</span>
          <select name="platform" defaultValue={query.platform ?? ""} className={control}>
            <option value="">{t("all")}</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {tp(p)}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end">
          <button
            type="submit"
            className="w-full rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white"
          >
            {t("apply")}
          </button>
        </div>
      </form>

      <p data-testid="statement-count" role="status" className="font-semibold">
        {t("resultCount", { count: total })}
      </p>
      {items.length === 0 ? <p className="rounded-xl bg-white p-4">{t("empty")}</p> : null}
      <ul className="space-y-3" data-testid="statement-list">
        {items.map((s) => (
          <li
            key={s.slug}
            className="rounded-xl bg-white p-4 shadow-sm"
            lang={s.lang}
            dir={s.lang === "ar" ? "rtl" : "ltr"}
          >
            <p className="mb-1 flex flex-wrap items-center gap-2 text-sm">
              <TypeBadge type={s.type} label={t(`types.${s.type}`)} />
              {s.status === "withdrawn" ? (
                <span className="rounded bg-danger-50 px-2 py-0.5 font-semibold text-danger">
                  {t("withdrawn")}
                </span>
              ) : null}
              <time dateTime={s.publishedAt} className="text-muted">
                {t("publishedOn", {
                  date: format.dateTime(new Date(s.publishedAt), { dateStyle: "long" }),
                })}
              </time>
            </p>
            <h2 className="text-lg font-bold">
              <Link
                locale={locale}
                href={`/statements/${s.slug}`}
                className="underline-offset-4 hover:underline"
              >
                {s.title}
              </Link>
            </h2>
            <p className="text-muted">{s.summary}</p>
          </li>
        ))}
      </ul>
      <nav className="flex gap-4">
        {query.cursor ? (
          <Link locale={locale} href="/statements" className="underline">
            {t("first")}
          </Link>
        ) : null}
        {nextCursor ? (
          <Link locale={locale} href={`/statements?${next}`} className="underline">
            {t("next")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
