import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { LocaleLink as Link } from "@/components/ui/locale-link";
import { currentActor } from "@/lib/auth/session";
import { CASE_ROLES } from "@/lib/cases/workflow";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { signOutAction } from "./actions";

const LANGUAGE_NAMES: Record<Locale, string> = { ar: "العربية", fr: "Français", en: "English" };

// Chrome only; each page checks the session and role itself.
export default async function StaffLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = (await params) as { locale: Locale };
  const t = await getTranslations({ locale, namespace: "staff.nav" });
  const meta = await getTranslations({ locale, namespace: "meta" });
  const publicNav = await getTranslations({ locale, namespace: "nav" });
  const actor = await currentActor();
  return (
    <>
      <header className="bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-2">
          <nav aria-label={t("staffArea")} className="flex flex-wrap items-center gap-1 text-sm">
            <span className="me-3 font-bold">
              {meta("siteName")} · {t("staffArea")}
            </span>
            {actor ? (
              <>
                {/* Only what each role may open: an admin without a case role has no queue. */}
                {actor.roles.some((r) => CASE_ROLES.includes(r)) ? (
                  <>
                    <Link
                      locale={locale}
                      href="/moderation"
                      className="rounded px-2 py-1 hover:bg-slate-700"
                    >
                      {t("queue")}
                    </Link>
                    <Link
                      locale={locale}
                      href="/moderation/statements"
                      className="rounded px-2 py-1 hover:bg-slate-700"
                    >
                      {t("statements")}
                    </Link>
                  </>
                ) : null}
                {actor.roles.includes("admin") ? (
                  <>
                    <Link
                      locale={locale}
                      href="/moderation/audit"
                      className="rounded px-2 py-1 hover:bg-slate-700"
                    >
                      {t("audit")}
                    </Link>
                    <Link
                      locale={locale}
                      href="/moderation/desk"
                      className="rounded px-2 py-1 hover:bg-slate-700"
                    >
                      {t("desk")}
                    </Link>
                  </>
                ) : null}
                <Link
                  locale={locale}
                  href="/moderation/stats"
                  className="rounded px-2 py-1 hover:bg-slate-700"
                >
                  {t("stats")}
                </Link>
                <Link
                  locale={locale}
                  href="/moderation/profile"
                  className="rounded px-2 py-1 hover:bg-slate-700"
                >
                  {t("profile")}
                </Link>
              </>
            ) : null}
          </nav>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {actor ? (
              <form action={signOutAction}>
                <input type="hidden" name="locale" value={locale} />
                <span className="me-2 hidden text-slate-300 sm:inline" dir="ltr">
                  {actor.email}
                </span>
                <button
                  type="submit"
                  className="rounded border border-slate-500 px-2 py-1 hover:bg-slate-700"
                >
                  {t("signOut")}
                </button>
              </form>
            ) : null}
            <LanguageSwitcher
              label={publicNav("language")}
              current={locale}
              languages={LOCALES.map((l) => ({ locale: l, name: LANGUAGE_NAMES[l] }))}
            />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </>
  );
}
