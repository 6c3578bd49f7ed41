"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import type { TrackFormState } from "@/lib/http/action-state";
import { describedBy, Field, fieldIds, inputClass } from "@/components/ui/field";
import { KeptReceipts } from "./kept-receipts";

type Action = (state: TrackFormState, fd: FormData) => Promise<TrackFormState>;

export function TrackForm({ action }: { action: Action }) {
  const t = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state && !state.ok ? state : undefined;
  const fieldKey = failed?.fieldErrors?.receipt;
  const errors = fieldKey ? [t(fieldKey as "validation.receiptRequired")] : [];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("track.heading")}</h1>
        <p className="text-muted">{t("track.intro")}</p>
      </div>
      <KeptReceipts />
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="locale" value={locale} />
        <Field
          name="receipt"
          label={t("track.receipt")}
          hint={t("track.receiptHint")}
          errors={errors}
        >
          <input
            id={fieldIds("receipt").id}
            name="receipt"
            dir="ltr"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            // After a lookup the code stays in the field (React resets a form to its defaults).
            defaultValue={state?.receipt ?? ""}
            aria-invalid={errors.length > 0 || undefined}
            aria-describedby={describedBy("receipt", true, errors)}
            className={`${inputClass} text-start font-mono text-lg tracking-wider sm:w-96`}
          />
        </Field>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t("track.submit")}
        </button>
      </form>

      {failed && failed.code !== "validation_failed" ? (
        <p
          data-testid="track-error"
          role="alert"
          className="rounded-lg border border-danger bg-danger-50 p-3 font-medium text-danger"
        >
          {failed.code === "not_found"
            ? t("track.notFound")
            : failed.code === "rate_limited"
              ? t("apiErrors.rate_limited", { seconds: failed.retryAfter ?? 60 })
              : t("apiErrors.service_unavailable")}
        </p>
      ) : null}

      {state?.ok ? (
        <section
          aria-live="polite"
          data-testid="track-result"
          className="space-y-2 rounded-xl bg-white p-5 shadow-sm"
        >
          <p>
            <span className="text-muted">
              {t("punctuation.labelled", { label: t("track.statusLabel") })}
            </span>
            <strong
              data-testid="track-status"
              data-status={state.data.status}
              className="text-lg text-brand-800"
            >
              {t(`statuses.${state.data.status}`)}
            </strong>
          </p>
          <StatusSteps status={state.data.status} />
          <p className="text-sm">
            {t("track.updatedAt", {
              date: format.dateTime(new Date(state.data.updatedAt), {
                dateStyle: "long",
                timeStyle: "short",
              }),
            })}
          </p>
          {state.data.outcome ? (
            <p data-testid="track-outcome">
              <span className="text-muted">
                {t("punctuation.labelled", { label: t("track.outcomeLabel") })}
              </span>
              {t(`outcomes.${state.data.outcome}` as "outcomes.debunked")}
            </p>
          ) : null}
          {state.data.statementUrl ? (
            <p>
              <a
                href={state.data.statementUrl}
                data-testid="track-statement"
                className="font-semibold text-brand-700 underline"
              >
                {t("track.statementLink")}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

const STEPS = ["received", "in_review", "closed"] as const;

/** Where the report stands, and what happens next at each step. */
function StatusSteps({ status }: { status: (typeof STEPS)[number] }) {
  const t = useTranslations();
  const at = STEPS.indexOf(status);
  return (
    <ol data-testid="track-steps" className="space-y-3 border-s-2 border-gray-200 ps-4">
      {STEPS.map((step, i) => (
        <li
          key={step}
          aria-current={i === at ? "step" : undefined}
          className={i > at ? "text-muted" : ""}
        >
          <p className="flex items-center gap-2 font-semibold">
            <span
              aria-hidden="true"
              className={`-ms-[1.4rem] inline-block size-3 rounded-full ${i < at ? "bg-brand-600" : i === at ? "bg-brand-700 ring-4 ring-brand-100" : "bg-gray-300"}`}
            />
            {t(`statuses.${step}`)}
            {i < at ? <span className="sr-only">{t("track.stepDone")}</span> : null}
          </p>
          {i === at ? (
            <p className="text-sm">
              {t(`statuses.${step}Hint`)} {t(`track.next.${step}`)}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
