import { redirect } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/session";
import { CASE_ROLES } from "@/lib/cases/workflow";

// Where sign-in lands: the first page this member's roles open.
export default async function StartPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireStaffPage(locale, "any", `/${locale}/moderation/start`);
  if (actor.roles.some((r) => CASE_ROLES.includes(r))) redirect(`/${locale}/moderation`);
  if (actor.roles.includes("admin")) redirect(`/${locale}/moderation/stats`);
  redirect(`/${locale}/moderation/profile`);
}
