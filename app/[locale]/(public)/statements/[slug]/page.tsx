import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { dirOf, isLocale, LOCALES, type Locale } from "@/lib/i18n/config";
import { TypeBadge, verdictTone } from "@/components/statements/type-badge";
import { claimReviewJsonLd, jsonLdScript } from "@/lib/statements/claim-review";
import { labelled } from "@/lib/i18n/translate";
import { renderMarkdown } from "@/lib/statements/markdown";
import { getPublicStatement, inLocale } from "@/lib/statements/public";

// Rendered on first visit, then served from the cache until a publication, an amendment or a
// withdrawal revalidates it (lib/statements/cache.ts). That reaches only the instance that made
// the change (Next's cache is per instance unless a shared handler is set), so the others
// re-render every 5 minutes: a withdrawn statement is gone everywhere within 5 minutes, for one
// query per statement and instance. Cached for every visitor, the page cannot take its origin
// from a request: its absolute links (Open Graph, canonical, ClaimReview's url) come from
// PUBLIC_URL, and without it they are left out rather than pointed at a guessed address.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

const load = cache(async (slug: string) => getPublicStatement(await getDb(), slug));

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string; slug: string }>;
}): Promise<Metadata> {
  const { locale, slug } = await params;
  const s = await load(slug);
  if (!s || !isLocale(locale)) return {};
  const { text } = inLocale(s.content, locale);
  const t = await getTranslations({ locale, namespace: "statements" });
  const origin = env.PUBLIC_URL?.replace(/\/+$/, "");
  const url = `${origin}/${locale}/statements/${slug}`;
  const image = `${origin}/${locale}/statements/${slug}/share.png`;
  return {
    title: text.title,
    description: text.summary,
    ...(origin
      ? {
          alternates: {
            canonical: url,
            languages: Object.fromEntries(
              LOCALES.filter((l) => s.content[l]).map((l) => [
                l,
                `${origin}/${l}/statements/${slug}`,
              ]),
            ),
          },
          openGraph: {
            type: "article",
            url,
            title: text.title,
            description: text.summary,
            siteName: t("feedTitle"),
            locale,
            publishedTime: s.publishedAt.toISOString(),
            images: [{ url: image, width: 1200, height: 630 }],
          },
          twitter: {
            card: "summary_large_image",
            title: text.title,
            description: text.summary,
            images: [image],
          },
        }
      : {
          openGraph: {
            type: "article",
            title: text.title,
            description: text.summary,
            siteName: t("feedTitle"),
            locale,
            publishedTime: s.publishedAt.toISOString(),
          },
        }),
    robots: s.status === "withdrawn" ? { index: false } : undefined,
  };
}

export default async function StatementPage({
  params,
}: {
  params: Promise<{ locale: string; slug: string }>;
}) {
  const { locale: raw, slug } = await params;
  if (!isLocale(raw)) notFound();
  const locale = raw as Locale;
  setRequestLocale(locale);
  const s = await load(slug);
  if (!s) notFound();
  const { locale: lang, text } = inLocale(s.content, locale);
  const t = await getTranslations({ locale, namespace: "statements" });
  const tp = await getTranslations({ locale, namespace: "platforms" });
  const label = (text: string) => labelled(locale, text);
  const original = lang !== locale;
  const format = await getFormatter({ locale });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const last = s.history.at(-1)!;
  const origin = env.PUBLIC_URL?.replace(/\/+$/, "") ?? "";
  const jsonLd = claimReviewJsonLd({
    url: `${origin}/${locale}/statements/${slug}`,
    locale: lang,
    type: s.type,
    content: text,
    publishedAt: s.publishedAt,
    updatedAt: s.updatedAt,
    appearances: s.appearances,
    org: { name: env.ORG_NAME, url: env.ORG_URL ?? `${origin}/` },
  });

  return (
    <article className="space-y-6" data-testid="statement">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLdScript(jsonLd) }}
      />
      {s.status === "withdrawn" ? (
        <p
          role="note"
          data-testid="withdrawn"
          className="rounded-lg border-s-4 border-danger bg-danger-50 p-3 font-semibold text-danger"
        >
          {t("withdrawnOn", { date: date(s.withdrawnAt!), reason: s.withdrawalReason ?? "" })}
        </p>
      ) : null}
      {original ? (
        <p data-testid="language-fallback" className="rounded bg-brand-50 p-2 text-sm">
          {t("languageFallback")}
        </p>
      ) : null}
      <header className="space-y-2" lang={lang} dir={dirOf(lang)}>
        <p className="text-sm">
          <TypeBadge type={s.type} label={t(`types.${s.type}`)} />
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl">{text.title}</h1>
        <p className="text-sm text-muted">
          <time dateTime={s.publishedAt.toISOString()}>
            {t("publishedOn", { date: date(s.publishedAt) })}
          </time>
          {s.updatedAt && last.changeNote ? (
            <> · {t("updatedOn", { date: date(s.updatedAt), note: last.changeNote })}</>
          ) : null}
        </p>
        <p className="text-lg">{text.summary}</p>
      </header>

      <section
        className="space-y-2 rounded-xl border border-brand-100 bg-white p-4"
        aria-labelledby="claim-heading"
      >
        <h2 id="claim-heading" className="text-sm font-semibold text-muted">
          {t("claim")}
        </h2>
        {/* No italic: Arabic has none (browsers slant it artificially); a tint and a rule instead. */}
        <blockquote
          data-testid="claim"
          lang={lang}
          dir={dirOf(lang)}
          className="rounded-e-lg border-s-4 border-brand-600 bg-brand-50 px-3 py-2"
        >
          {text.claimReviewed}
        </blockquote>
        <p>
          <span className="text-sm font-semibold text-muted">{label(t("verdict"))}</span>
          <strong data-testid="verdict" className={`rounded px-2 py-0.5 ${verdictTone(s.type)}`}>
            {original ? t(`verdicts.${s.type}`) : text.verdict}
          </strong>
          {original ? (
            <span className="ms-2 text-sm text-muted" lang={lang} dir={dirOf(lang)}>
              ({text.verdict})
            </span>
          ) : null}
        </p>
      </section>

      <div
        data-testid="statement-body"
        className="prose-statement space-y-3 leading-loose"
        lang={lang}
        dir={dirOf(lang)}
        dangerouslySetInnerHTML={{ __html: renderMarkdown(text.body) }}
      />

      {s.appearances.length ? (
        <section aria-labelledby="appearances-heading" className="space-y-1">
          <h2 id="appearances-heading" className="font-semibold">
            {t("appearances")}
          </h2>
          <ul className="list-disc ps-5 text-sm">
            {s.appearances.map((a) => (
              <li key={a.url}>
                {label(tp(a.platform as "x"))}
                <span dir="ltr" className="break-all">
                  {a.url}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {s.history.length > 1 ? (
        <section aria-labelledby="history-heading" className="space-y-1 text-sm">
          <h2 id="history-heading" className="font-semibold">
            {t("historyTitle")}
          </h2>
          <ol className="space-y-1">
            {s.history.map((h) => (
              <li key={h.version}>
                {t("version", { version: h.version })} — {date(h.publishedAt)}:{" "}
                {h.changeNote ?? t("firstVersion")}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {LOCALES.some((l) => l !== locale && s.content[l]) ? (
        <nav aria-label={t("otherLanguages")} className="text-sm">
          <span className="font-semibold">{label(t("otherLanguages"))}</span>
          {LOCALES.filter((l) => l !== locale && s.content[l]).map((l) => (
            <a
              key={l}
              href={`/${l}/statements/${slug}`}
              hrefLang={l}
              lang={l}
              className="me-3 underline"
            >
              {s.content[l]!.title}
            </a>
          ))}
        </nav>
      ) : null}
    </article>
  );
}
