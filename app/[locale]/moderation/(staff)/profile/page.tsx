import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { renderSVG } from "uqr";
import { Flash } from "@/components/staff/flash";
import { requireStaffPage } from "@/lib/auth/session";
import { newTotpSecret, totpUri } from "@/lib/auth/totp";
import { env } from "@/lib/env";
import { enableTotpAction, imagePreferencesAction, removeTotpAction } from "./actions";
import { labelled } from "@/lib/i18n/translate";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "staff.profile" }))("title") };
}

export default async function ProfilePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ totp?: string; images?: string }>;
}) {
  const { locale } = await params;
  const actor = await requireStaffPage(locale, "any", `/${locale}/moderation/profile`);
  const { totp, images } = await searchParams;
  const t = await getTranslations({ locale, namespace: "staff" });
  // A fresh secret per visit; it is stored only once a code from the app proves it was scanned.
  const secret = actor.totpEnabled ? null : newTotpSecret();
  const uri = secret ? totpUri(secret, actor.email) : null;

  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-2xl font-bold">{t("profile.title")}</h1>
      <dl className="space-y-1 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <dt className="inline text-slate-600">{labelled(locale, t("profile.email"))}</dt>
          <dd className="inline" dir="ltr">
            {actor.email}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{labelled(locale, t("profile.roles"))}</dt>
          <dd className="inline">{actor.roles.map((r) => t(`roles.${r}`)).join("، ")}</dd>
        </div>
      </dl>
      <ProfileSection id="totp" title={t("profile.totpTitle")}>
        {totp === "on" ? (
          <Flash tone="done" testId="totp-enabled">
            {t("profile.totpEnabled")}
          </Flash>
        ) : null}
        {totp === "invalid" ? (
          <Flash tone="error" testId="totp-invalid">
            {t("profile.totpInvalid")}
          </Flash>
        ) : null}
        {totp === "current_invalid" ? (
          <Flash tone="error" testId="totp-invalid">
            {t("profile.totpCurrentInvalid")}
          </Flash>
        ) : null}
        {actor.totpEnabled ? (
          <>
            <p>{t("profile.totpOn")}</p>
            <form action={removeTotpAction} className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="locale" value={locale} />
              <CodeField name="current" label={t("profile.totpCurrentCode")} />
              <button
                type="submit"
                className="rounded border border-slate-500 px-3 py-1.5 font-semibold"
              >
                {t("profile.totpRemove")}
              </button>
            </form>
            <p className="text-sm text-slate-600">{t("profile.totpRemoveHint")}</p>
          </>
        ) : (
          <>
            {env.STAFF_REQUIRE_2FA ? (
              <p className="rounded bg-amber-50 p-2 font-medium">{t("profile.totpRequired")}</p>
            ) : null}
            <p>{t("profile.totpOff")}</p>
            <div
              className="size-48 bg-white"
              role="img"
              aria-label={t("profile.totpTitle")}
              dangerouslySetInnerHTML={{ __html: renderSVG(uri!) }}
            />
            <p className="text-sm">
              {labelled(locale, t("profile.totpKey"))}
              <code data-testid="totp-secret" dir="ltr" className="select-all break-all font-mono">
                {secret}
              </code>
            </p>
            <form action={enableTotpAction} className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="locale" value={locale} />
              <input type="hidden" name="secret" value={secret!} />
              <CodeField name="code" label={t("profile.totpCode")} />
              <button
                type="submit"
                className="rounded bg-slate-900 px-3 py-1.5 font-semibold text-white"
              >
                {t("profile.totpEnable")}
              </button>
            </form>
          </>
        )}
      </ProfileSection>
      <ProfileSection id="images" title={t("profile.imagesTitle")}>
        {images === "saved" ? (
          <Flash tone="done" testId="images-saved">
            {t("profile.imagesSaved")}
          </Flash>
        ) : null}
        <form action={imagePreferencesAction} className="space-y-3">
          <input type="hidden" name="locale" value={locale} />
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              name="unblurRumorImages"
              defaultChecked={actor.unblurRumorImages}
              aria-describedby="unblur-hint"
              className="mt-1 size-5"
            />
            <span>{t("profile.unblurRumorImages")}</span>
          </label>
          <p id="unblur-hint" className="text-sm text-slate-600">
            {t("profile.unblurHint")}
          </p>
          <button
            type="submit"
            className="rounded bg-slate-900 px-3 py-1.5 font-semibold text-white"
          >
            {t("profile.imagesSave")}
          </button>
        </form>
      </ProfileSection>
    </div>
  );
}

function CodeField({ name, label }: { name: string; label: string }) {
  return (
    <label className="flex flex-col">
      <span>{label}</span>
      <input
        name={name}
        inputMode="numeric"
        autoComplete="one-time-code"
        dir="ltr"
        required
        className="w-36 rounded border border-slate-400 px-2 py-1.5 font-mono"
      />
    </label>
  );
}

/** One setting of the member's own account, titled for screen readers' heading list. */
function ProfileSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <section
      className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
      aria-labelledby={`${id}-heading`}
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
