import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireAdmin, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/log";
import type { Db, Executor } from "@/lib/db/connect";
import { deskTemplates } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translate";
import { KINDS, LOCALES, TEMPLATE_PURPOSES } from "@/lib/vocabulary";

// Canned text: a takedown notice and a closing note per kind of case and language. An admin's
// version is a row; without one, the message files' default. Both use {name} placeholders,
// filled by `fillTemplate` (an admin's text is not an ICU message: a stray brace is kept).

export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];
export type CaseKind = (typeof KINDS)[number];

export const TEMPLATE_MAX = 8000;
export const templateSchema = z.object({
  purpose: z.enum(TEMPLATE_PURPOSES),
  kind: z.enum(KINDS),
  language: z.enum(LOCALES),
  // Empty: back to the default.
  body: z.string().max(TEMPLATE_MAX),
});

/** The default text of the message files, placeholders unfilled. */
export const defaultTemplate = (purpose: TemplatePurpose, kind: CaseKind, locale: Locale) =>
  String(translator(locale).raw(`desk.defaults.${purpose}.${kind}`));

export async function templateOf(
  db: Executor,
  purpose: TemplatePurpose,
  kind: CaseKind,
  locale: Locale,
): Promise<{ body: string; custom: boolean }> {
  const [row] = await db
    .select({ body: deskTemplates.body })
    .from(deskTemplates)
    .where(
      and(
        eq(deskTemplates.purpose, purpose),
        eq(deskTemplates.kind, kind),
        eq(deskTemplates.locale, locale),
      ),
    );
  return row
    ? { body: row.body, custom: true }
    : { body: defaultTemplate(purpose, kind, locale), custom: false };
}

/** Every template, for the admins' page. */
export async function allTemplates(db: Executor) {
  const rows = await db.select().from(deskTemplates);
  return TEMPLATE_PURPOSES.flatMap((purpose) =>
    KINDS.flatMap((kind) =>
      LOCALES.map((locale) => {
        const row = rows.find(
          (r) => r.purpose === purpose && r.kind === kind && r.locale === locale,
        );
        return {
          purpose,
          kind,
          locale,
          body: row?.body ?? defaultTemplate(purpose, kind, locale),
          custom: Boolean(row),
        };
      }),
    ),
  );
}

/** `{name}` → its value; unknown names are left as written. */
export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(values, name) ? values[name] : m,
  );
}

/** An admin saves a template, or (empty body) goes back to the default. Audited. */
export async function saveTemplate(
  db: Db,
  actorIn: Actor | null,
  input: z.infer<typeof templateSchema>,
) {
  const actor = requireAdmin(actorIn);
  const t = templateSchema.parse(input);
  const body = t.body.replace(/\r\n/g, "\n").trim();
  await db.transaction(async (tx) => {
    const key = and(
      eq(deskTemplates.purpose, t.purpose),
      eq(deskTemplates.kind, t.kind),
      eq(deskTemplates.locale, t.language),
    );
    if (!body) await tx.delete(deskTemplates).where(key);
    else
      await tx
        .insert(deskTemplates)
        .values({
          purpose: t.purpose,
          kind: t.kind,
          locale: t.language,
          body,
          updatedBy: actor.id,
          updatedAt: new Date(),
        })
        .onConflictDoUpdate({
          target: [deskTemplates.purpose, deskTemplates.kind, deskTemplates.locale],
          set: { body, updatedBy: actor.id, updatedAt: new Date() },
        });
    await recordAudit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "desk.template",
      targetType: "template",
      targetId: `${t.purpose}:${t.kind}:${t.language}`,
      details: { reset: !body, length: body.length },
    });
  });
}
