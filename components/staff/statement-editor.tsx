"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { clearFlash } from "@/components/staff/flash";
import { refusalMessage } from "@/lib/i18n/refusal";
import type { SaveState } from "@/lib/http/action-state";
import type { StatementContent, StatementLocaleContent } from "@/lib/db/schema";
import { renderMarkdown } from "@/lib/statements/markdown";

const LOCALES = ["ar", "fr", "en"] as const;
const FIELDS = ["title", "summary", "claimReviewed", "verdict", "body"] as const;
const EMPTY: StatementLocaleContent = {
  title: "",
  summary: "",
  body: "",
  claimReviewed: "",
  verdict: "",
};

/** Each language beside its live preview; Arabic and French side by side on wide screens. */
export function StatementEditor(props: {
  id: string;
  locale: string;
  content: StatementContent;
  /** The case's summary, offered (not filled in) as a start for the Arabic claim. */
  claimSuggestion?: string;
  appearances: string;
  editable: boolean;
  /** "submit for review" belongs to the editor, so that it sends what is typed; with a change note for a published statement. */
  submit: "no" | "yes" | "with_note";
  action: (s: SaveState, fd: FormData) => Promise<SaveState>;
}) {
  const t = useTranslations("staff.statement");
  const tv = useTranslations();
  const [state, formAction, pending] = useActionState(props.action, null);
  const [content, setContent] = useState<Record<string, StatementLocaleContent>>(() =>
    Object.fromEntries(LOCALES.map((l) => [l, { ...EMPTY, ...props.content[l] }])),
  );
  const [appearances, setAppearances] = useState(props.appearances);
  const [changeNote, setChangeNote] = useState("");
  const set = (l: string, f: string, v: string) =>
    setContent((c) => ({ ...c, [l]: { ...c[l], [f]: v } }));
  // A new outcome replaces the page's last one instead of standing beside it.
  useEffect(() => {
    if (state) clearFlash();
  }, [state]);
  const errorOf = (path: string) => (state && !state.ok ? state.fieldErrors?.[path] : undefined);

  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="locale" value={props.locale} />
      {state?.ok ? (
        <p
          role="status"
          data-testid="statement-saved"
          className="rounded bg-emerald-50 p-2 text-emerald-900"
        >
          {t("saved")}
        </p>
      ) : null}
      {state && !state.ok ? (
        <p
          role="alert"
          data-testid="statement-save-error"
          className="rounded bg-danger-50 p-2 text-danger"
        >
          {refusalMessage(t, state.code)}
        </p>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-2">
        {LOCALES.map((l) => (
          <fieldset
            key={l}
            lang={l}
            dir={l === "ar" ? "rtl" : "ltr"}
            disabled={!props.editable}
            className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
          >
            <legend className="px-1 font-semibold">{t(`locales.${l}`)}</legend>
            {FIELDS.map((f) => {
              const name = `${l}.${f}`;
              const err = errorOf(`content.${l}.${f}`);
              return (
                <label key={f} className="flex flex-col gap-1 text-sm">
                  <span className="font-medium">{t(`fields.${f}`)}</span>
                  {f === "body" || f === "summary" || f === "claimReviewed" ? (
                    <textarea
                      name={name}
                      rows={f === "body" ? 8 : 2}
                      value={content[l][f]}
                      onChange={(e) => set(l, f, e.target.value)}
                      aria-invalid={err ? true : undefined}
                      className="rounded border border-slate-400 px-2 py-1.5"
                    />
                  ) : (
                    <input
                      name={name}
                      value={content[l][f]}
                      onChange={(e) => set(l, f, e.target.value)}
                      aria-invalid={err ? true : undefined}
                      className="rounded border border-slate-400 px-2 py-1.5"
                    />
                  )}
                  {err ? (
                    <span className="text-danger" data-testid={`error-${name}`}>
                      {tv(err as "validation.statementRequired")}
                    </span>
                  ) : null}
                  {f === "claimReviewed" &&
                  l === "ar" &&
                  props.editable &&
                  props.claimSuggestion &&
                  !content.ar.claimReviewed ? (
                    <span
                      data-testid="claim-suggestion"
                      className="rounded bg-amber-50 p-2 text-slate-800"
                    >
                      {t("claimSuggestion")} <q dir="auto">{props.claimSuggestion}</q>{" "}
                      <button
                        type="button"
                        onClick={() => set("ar", "claimReviewed", props.claimSuggestion!)}
                        className="underline"
                      >
                        {t("useSuggestion")}
                      </button>
                    </span>
                  ) : null}
                </label>
              );
            })}
            <div
              className="rounded border border-dashed border-slate-300 p-3"
              aria-label={t("preview")}
            >
              <p className="mb-1 text-xs font-semibold uppercase text-slate-500">{t("preview")}</p>
              <h3 className="text-lg font-bold">{content[l].title}</h3>
              <p className="text-slate-700">{content[l].summary}</p>
              {content[l].verdict ? (
                <p className="my-1">
                  <strong className="rounded bg-danger-50 px-2 text-danger">
                    {content[l].verdict}
                  </strong>
                </p>
              ) : null}
              <div
                className="space-y-2 text-sm"
                dangerouslySetInnerHTML={{ __html: renderMarkdown(content[l].body) }}
              />
            </div>
          </fieldset>
        ))}
      </div>
      <label className="flex flex-col gap-1 rounded-lg bg-white p-4 text-sm shadow-sm">
        <span className="font-medium">{t("appearances")}</span>
        <textarea
          name="appearances"
          rows={3}
          dir="ltr"
          value={appearances}
          onChange={(e) => setAppearances(e.target.value)}
          disabled={!props.editable}
          className="rounded border border-slate-400 px-2 py-1.5 font-mono"
        />
      </label>
      {props.editable ? (
        <div className="flex flex-wrap items-end gap-3">
          <button
            type="submit"
            name="intent"
            value="save"
            disabled={pending}
            className="rounded border border-slate-700 px-4 py-2 font-semibold"
          >
            {t("save")}
          </button>
          {props.submit === "with_note" ? (
            <label className="flex flex-col text-sm">
              <span>{t("changeNote")}</span>
              <input
                name="changeNote"
                value={changeNote}
                onChange={(e) => setChangeNote(e.target.value)}
                className="rounded border border-slate-400 px-2 py-1.5"
              />
            </label>
          ) : null}
          {props.submit !== "no" ? (
            <button
              type="submit"
              name="intent"
              value="submit"
              disabled={pending}
              className="rounded bg-slate-900 px-4 py-2 font-semibold text-white"
            >
              {t("submit")}
            </button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
