"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { refusalMessage } from "@/lib/i18n/refusal";
import type { RevealState } from "@/lib/http/action-state";

export function RevealContact({
  reportId,
  action,
}: {
  reportId: string;
  action: (s: RevealState, fd: FormData) => Promise<RevealState>;
}) {
  const t = useTranslations("staff.case");
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <p data-testid="revealed-contact" className="rounded bg-amber-50 p-2 text-sm">
        <strong>{t("revealedLabel")}</strong>
        {state.value ? (
          <span dir="ltr">
            {[state.value.email, state.value.phone].filter(Boolean).join(" · ")}
          </span>
        ) : (
          t("revealNone")
        )}
      </p>
    );
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700 underline">{t("reveal")}</summary>
      <form action={formAction} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="reportId" value={reportId} />
        <label className="flex flex-1 flex-col">
          <span>{t("revealReason")}</span>
          <input
            name="reason"
            required
            minLength={5}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-amber-700 px-3 py-1 font-semibold text-white"
        >
          {t("reveal")}
        </button>
        {state && !state.ok ? (
          <p role="alert" className="w-full text-danger">
            {refusalMessage(t, state.code)}
          </p>
        ) : null}
      </form>
    </details>
  );
}
