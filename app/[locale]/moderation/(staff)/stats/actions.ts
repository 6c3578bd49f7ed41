"use server";

import { updateTag } from "next/cache";
import { z } from "zod";
import { staffFormAction } from "@/lib/http/staff-action";
import { setBaseline } from "@/lib/stats/baselines";
import { BASELINE_METRICS } from "@/lib/stats/figures";

/** A figure for a year before the platform, typed in by an admin with its source. */
export const baselineAction = staffFormAction({
  schema: z.object({
    year: z.coerce.number().int().min(2000).max(2100),
    metric: z.enum(BASELINE_METRICS),
    value: z.coerce.number().int().min(0),
    source: z.string().trim().min(1).max(500),
    note: z.string().max(2000).optional(),
  }),
  roles: ["admin"],
  run: async ({ db, actor, input }) => {
    await setBaseline(db, actor, input);
    updateTag("stats");
  },
  back: (outcome, _fd, locale) =>
    `/${locale}/moderation/stats?baseline=${
      outcome.ok
        ? "saved"
        : outcome.code === "computed_year"
          ? "refused"
          : outcome.code === "forbidden"
            ? "forbidden"
            : "invalid"
    }`,
});
