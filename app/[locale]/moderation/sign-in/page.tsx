import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/components/staff/sign-in-form";
import { pickMessages } from "@/lib/i18n/pick";
import { signInAction } from "./actions";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.signIn" });
  return { title: t("title") };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string; notice?: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { next, notice } = await searchParams;
  const messages = await getMessages();
  const t = await getTranslations({ locale, namespace: "staff.signIn" });
  const staff = messages.staff as Record<string, unknown>;
  return (
    <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-10">
      {notice === "totp_on" || notice === "totp_off" ? (
        <p role="status" data-testid="sign-in-notice" className="mb-4 rounded bg-emerald-50 p-2">
          {t(`notice_${notice}`)}
        </p>
      ) : null}
      <NextIntlClientProvider messages={{ staff: pickMessages(staff as never, ["signIn"]) }}>
        <SignInForm action={signInAction} next={typeof next === "string" ? next : ""} />
      </NextIntlClientProvider>
    </main>
  );
}
