"use server";

import { updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { actionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { ExpectedError } from "@/lib/errors";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";
import { setBaseline } from "@/lib/stats/baselines";
import { BASELINE_METRICS } from "@/lib/stats/figures";

const schema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  metric: z.enum(BASELINE_METRICS),
  value: z.coerce.number().int().min(0),
  source: z.string().trim().min(1).max(500),
  note: z.string().max(2000).optional(),
});

export async function baselineAction(fd: FormData) {
  const locale = isLocale(fd.get("locale")) ? (fd.get("locale") as string) : DEFAULT_LOCALE;
  const parsed = schema.safeParse(Object.fromEntries(fd));
  let outcome = "baseline=saved";
  if (!parsed.success) outcome = "baseline=invalid";
  else {
    try {
      await setBaseline(await getDb(), await actionActor(), parsed.data);
      updateTag("stats");
    } catch (error) {
      outcome =
        error instanceof ExpectedError && error.detail?.reason === "computed_year"
          ? "baseline=refused"
          : error instanceof ExpectedError && error.code === "forbidden"
            ? "baseline=forbidden"
            : "baseline=invalid";
    }
  }
  redirect(`/${locale}/moderation/stats?${outcome}`);
}
