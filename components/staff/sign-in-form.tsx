"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import type { SignInState } from "@/lib/http/action-state";
import { inputClass } from "@/components/ui/field";

export function SignInForm({
  action,
  next,
}: {
  action: (s: SignInState, fd: FormData) => Promise<SignInState>;
  next: string;
}) {
  const t = useTranslations("staff.signIn");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4 rounded-xl bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {state ? (
        <p
          role="alert"
          data-testid="sign-in-error"
          className="rounded-lg border border-danger bg-danger-50 p-3 text-danger"
        >
          {state.code === "throttled"
            ? t("throttled", { minutes: state.minutes ?? 15 })
            : t(state.code)}
        </p>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="next" value={next} />
      <div className="space-y-1">
        <label htmlFor="email" className="block font-semibold">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          dir="ltr"
          autoComplete="username"
          required
          defaultValue={state?.email ?? ""}
          className={`${inputClass} text-start`}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-semibold">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          dir="ltr"
          autoComplete="current-password"
          required
          className={`${inputClass} text-start`}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="code" className="block font-semibold">
          {t("code")}
        </label>
        <p id="code-hint" className="text-sm text-muted">
          {t("codeHint")}
        </p>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          pattern="[0-9 ]*"
          autoComplete="one-time-code"
          dir="ltr"
          aria-describedby="code-hint"
          autoFocus={state?.code === "totp_required"}
          className={`${inputClass} w-40 text-start font-mono`}
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-slate-900 px-4 py-2.5 font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {t("submit")}
      </button>
    </form>
  );
}
