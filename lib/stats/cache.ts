import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/lib/db/client";
import { getYearDetail, getYearFigures } from "./figures";

// Figures move with every report; readers get them at most five minutes old, without a query each.
export const cachedYearFigures = unstable_cache(
  async (from: number, to: number, throughMonth?: number) =>
    getYearFigures(await getDb(), from, to, throughMonth),
  ["year-figures"],
  { tags: ["stats"], revalidate: 300 },
);
export const cachedYearDetail = unstable_cache(
  async (year: number) => getYearDetail(await getDb(), year),
  ["year-detail"],
  { tags: ["stats"], revalidate: 300 },
);
