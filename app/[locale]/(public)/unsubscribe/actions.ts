"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { localeOf } from "@/lib/i18n/config";
import { unsubscribe } from "@/lib/mail/unsubscribe";

export async function unsubscribeAction(fd: FormData) {
  const locale = localeOf(fd);
  const ok = await unsubscribe(await getDb(), fd.get("r"), fd.get("t"));
  redirect(`/${locale}/unsubscribe?${ok ? "done=1" : "invalid=1"}`);
}
