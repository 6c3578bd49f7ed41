"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import type { TrackFormState } from "@/app/[locale]/(public)/track/actions";
import { describedBy, Field, fieldIds, inputClass } from "@/components/ui/field";

type Action = (state: TrackFormState, fd: FormData) => Promise<TrackFormState>;

export function TrackForm({ action }: { action: Action }) {
  const t = useTranslations();
  const format = useFormatter();
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
      <form action={formAction} className="space-y-4" noValidate>
        <Field name="receipt" label={t("track.receipt")} hint={t("track.receiptHint")} errors={errors}>
          <input
            id={fieldIds("receipt").id}
            name="receipt"
            dir="ltr"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            defaultValue={failed?.receipt ?? ""}
            aria-invalid={errors.length > 0 || undefined}
            aria-describedby={describedBy("receipt", true, errors)}
            className={`${inputClass} text-start font-mono text-lg tracking-wider sm:w-96`}
          />
        </Field>
        <button type="submit" disabled={pending} className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {t("track.submit")}
        </button>
      </form>

      {failed && failed.code !== "validation_failed" ? (
        <p data-testid="track-error" role="alert" className="rounded-lg border border-danger bg-danger-50 p-3 font-medium text-danger">
          {failed.code === "not_found"
            ? t("track.notFound")
            : failed.code === "rate_limited"
              ? t("apiErrors.rate_limited", { seconds: failed.retryAfter ?? 60 })
              : t("apiErrors.service_unavailable")}
        </p>
      ) : null}

      {state?.ok ? (
        <section aria-live="polite" data-testid="track-result" className="space-y-2 rounded-xl bg-white p-5 shadow-sm">
          <p>
            <span className="text-muted">{t("track.statusLabel")}: </span>
            <strong data-testid="track-status" data-status={state.data.status} className="text-lg text-brand-800">
              {t(`statuses.${state.data.status}`)}
            </strong>
          </p>
          <p className="text-sm text-muted">{t(`statuses.${state.data.status}Hint`)}</p>
          <p className="text-sm">{t("track.updatedAt", { date: format.dateTime(new Date(state.data.updatedAt), { dateStyle: "long", timeStyle: "short" }) })}</p>
          {state.data.outcome ? (
            <p data-testid="track-outcome">
              <span className="text-muted">{t("track.outcomeLabel")}: </span>
              {t(`outcomes.${state.data.outcome}` as "outcomes.debunked")}
            </p>
          ) : null}
          {state.data.statementUrl ? (
            <p>
              <a href={state.data.statementUrl} data-testid="track-statement" className="font-semibold text-brand-700 underline">{t("track.statementLink")}</a>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
