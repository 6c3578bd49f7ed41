import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/lib/db/connect";
import {
  statements,
  statementVersions,
  type Appearance,
  type StatementContent,
  type StatementLocaleContent,
} from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { PLATFORMS } from "@/lib/text/canonical-url";
import { searchStems } from "@/lib/text/stem";
import { decodeCursor, encodeCursor } from "./cursor";
import { STATEMENT_TYPES, type IntakeAnswer, type StatementType } from "./schema";

export const PUBLIC_STATUSES = ["published", "withdrawn"];
/** A statement joined to its published version: what the public reads. */
const latestVersion = and(
  eq(statementVersions.statementId, statements.id),
  eq(statementVersions.version, statements.version),
);
const blank = (v: unknown) => (v === "" ? undefined : v);

export const statementListSchema = z.object({
  type: z.preprocess(blank, z.enum(STATEMENT_TYPES).optional()).catch(undefined),
  year: z
    .preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional())
    .catch(undefined),
  platform: z.preprocess(blank, z.enum(PLATFORMS).optional()).catch(undefined),
  q: z.preprocess(blank, z.string().max(200).optional()).catch(undefined),
  cursor: z.preprocess(blank, z.string().max(200).optional()).catch(undefined),
});
export type StatementListQuery = z.infer<typeof statementListSchema>;

/** The text in the reader's language, or the Arabic original. */
export function inLocale(
  content: StatementContent,
  locale: Locale,
): { locale: Locale; text: StatementLocaleContent } {
  const text = content[locale];
  return text ? { locale, text } : { locale: "ar", text: content.ar };
}

export interface PublicStatementItem {
  slug: string;
  type: StatementType;
  title: string;
  summary: string;
  publishedAt: string;
  url: string;
  status: "published" | "withdrawn";
  lang: Locale;
}

/** Published (and withdrawn, marked) statements, newest first, by cursor. */
export async function listPublicStatements(
  db: Executor,
  locale: Locale,
  q: StatementListQuery,
  limit = 20,
) {
  const where: (SQL | undefined)[] = [inArray(statements.status, PUBLIC_STATUSES)];
  if (q.type) where.push(eq(statements.type, q.type));
  if (q.year)
    where.push(
      gte(statements.publishedAt, new Date(Date.UTC(q.year, 0, 1))),
      lt(statements.publishedAt, new Date(Date.UTC(q.year + 1, 0, 1))),
    );
  if (q.platform)
    where.push(
      sql`${statements.appearances} @> ${JSON.stringify([{ platform: q.platform }])}::jsonb`,
    );
  // Every word, in any of its forms (searchStems): «enlevés» finds «enlèvement».
  for (const stem of q.q ? searchStems(q.q) : [])
    where.push(sql`${statements.searchText} like ${`%${stem.replace(/[%_\\]/g, "\\$&")}%`}`);
  // The count shown above the list: all matches, whatever page this is.
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(statements)
    .where(and(...where));
  const cursor = decodeCursor(q.cursor);
  if (cursor)
    where.push(
      or(
        lt(statements.publishedAt, cursor[0]),
        and(eq(statements.publishedAt, cursor[0]), lt(statements.id, cursor[1])),
      ),
    );
  const rows = await db
    .select({
      id: statements.id,
      slug: statements.slug,
      type: statements.type,
      status: statements.status,
      publishedAt: statements.publishedAt,
      content: statementVersions.content,
    })
    .from(statements)
    .innerJoin(statementVersions, latestVersion)
    .where(and(...where))
    .orderBy(desc(statements.publishedAt), desc(statements.id))
    .limit(limit + 1);
  const items: PublicStatementItem[] = rows.slice(0, limit).map((r) => {
    const { locale: lang, text } = inLocale(r.content, locale);
    return {
      slug: r.slug!,
      type: r.type as StatementType,
      title: text.title,
      summary: text.summary,
      publishedAt: r.publishedAt!.toISOString(),
      url: `/${locale}/statements/${r.slug}`,
      status: r.status as "published",
      lang,
    };
  });
  const last = rows[limit - 1];
  return {
    items,
    total,
    nextCursor: rows.length > limit && last ? encodeCursor(last.publishedAt!, last.id) : null,
  };
}

export interface PublicStatement {
  slug: string;
  type: StatementType;
  status: "published" | "withdrawn";
  publishedAt: Date;
  updatedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  content: StatementContent;
  appearances: Appearance[];
  history: { version: number; publishedAt: Date; changeNote: string | null }[];
}

export async function getPublicStatement(
  db: Executor,
  slug: string,
): Promise<PublicStatement | null> {
  if (!/^\d{4}-\d{1,12}$/.test(slug)) return null;
  const [s] = await db
    .select()
    .from(statements)
    .where(and(eq(statements.slug, slug), inArray(statements.status, PUBLIC_STATUSES)));
  if (!s) return null;
  const versions = await db
    .select()
    .from(statementVersions)
    .where(eq(statementVersions.statementId, s.id))
    .orderBy(asc(statementVersions.version));
  const latest = versions.at(-1)!;
  return {
    slug,
    type: s.type as StatementType,
    status: s.status as "published",
    publishedAt: s.publishedAt!,
    updatedAt: versions.length > 1 ? latest.publishedAt : null,
    withdrawnAt: s.withdrawnAt,
    withdrawalReason: s.withdrawalReason,
    content: latest.content,
    appearances: latest.appearances,
    history: versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt,
      changeNote: v.changeNote,
    })),
  };
}

/** The live statement answering a case (denial or truth first), for the reporter's tracking page. */
export async function statementForCase(
  db: Executor,
  caseId: string,
): Promise<{ slug: string; content: StatementContent } | null> {
  const [row] = await db
    .select({ slug: statements.slug, content: statementVersions.content })
    .from(statements)
    .innerJoin(statementVersions, latestVersion)
    .where(and(eq(statements.caseId, caseId), eq(statements.status, "published")))
    .orderBy(
      sql`case ${statements.type} when 'communique' then 1 else 0 end`,
      desc(statements.publishedAt),
    )
    .limit(1);
  return row?.slug ? { slug: row.slug, content: row.content } : null;
}

/** Every public statement's slug and dates, for the sitemap. */
export async function listStatementSlugs(db: Executor) {
  return db
    .select({ slug: statements.slug, updatedAt: statements.updatedAt, content: statements.content })
    .from(statements)
    .where(inArray(statements.status, PUBLIC_STATUSES))
    .orderBy(desc(statements.publishedAt))
    .limit(50_000);
}

export async function getStatementSlug(db: Executor, id: string): Promise<string | null> {
  const [row] = await db
    .select({ slug: statements.slug })
    .from(statements)
    .where(eq(statements.id, id));
  return row?.slug ?? null;
}

/** A statement that answered a report at intake, as its reporter reads it; null once withdrawn. */
export async function intakeAnswer(
  db: Executor,
  id: string,
  locale: Locale,
): Promise<IntakeAnswer | null> {
  const [row] = await db
    .select({ slug: statements.slug, type: statements.type, content: statementVersions.content })
    .from(statements)
    .innerJoin(statementVersions, latestVersion)
    .where(and(eq(statements.id, id), eq(statements.status, "published")));
  if (!row?.slug) return null;
  const { locale: lang, text } = inLocale(row.content, locale);
  return {
    type: row.type as IntakeAnswer["type"],
    title: text.title,
    verdict: text.verdict,
    url: `/${lang}/statements/${row.slug}`,
    lang,
  };
}
