import "server-only";
import type { Executor } from "@/lib/db/connect";
import { env } from "@/lib/env";
import { similarityTo } from "@/lib/text/minhash";
import { findCasesByText, type TextMatch } from "./text";

export interface IncomingReport {
  kind: string;
  category: string;
  description: string;
  descriptionNorm: string;
  platform: string;
  locale: string;
  canonicalUrls: string[];
  bandKeys: bigint[];
  at: Date;
}

export interface TextHints {
  /** Open cases whose reports read like this one, scored (≥ the merge threshold), best first. */
  text: TextMatch[];
  /**
   * Earlier reports of the same batch that read like this one: their index, score, and whether
   * the text is the same (then this copy stores no bands of its own: ./carriers.ts).
   */
  like: { j: number; score: number; same: boolean }[];
}

/**
 * Text matching for the forwarded messages (no link) of a batch, scored in JS before the
 * intake call: candidates from MinHash bands (bounded index reads), then exact similarity.
 * The call joins the best one still open, or the case of an earlier report of the batch.
 */
export async function textHints(db: Executor, batch: IncomingReport[]): Promise<TextHints[]> {
  // A viral message arrives many times in one batch: one lookup and one set of shingles per
  // distinct text, shared by its copies.
  const distinct = new Map<
    string,
    { lookup: Promise<TextMatch[]>; similar: (other: string) => number }
  >();
  return Promise.all(
    batch.map(async (r, i) => {
      if (r.bandKeys.length === 0) return { text: [], like: [] };
      const key = `${r.kind}\u0000${r.descriptionNorm}`;
      let shared = distinct.get(key);
      if (!shared) {
        const lookup = findCasesByText(db, {
          kind: r.kind,
          norm: r.descriptionNorm,
          bandKeys: r.bandKeys,
          minScore: env.CASE_MERGE_THRESHOLD,
          limit: 5,
        });
        distinct.set(key, (shared = { lookup, similar: similarityTo(r.descriptionNorm) }));
      }
      const { lookup, similar } = shared;
      const keys = new Set(r.bandKeys);
      const like: TextHints["like"] = [];
      for (let j = 0; j < i; j++) {
        const e = batch[j];
        if (e.kind !== r.kind || !e.bandKeys.some((k) => keys.has(k))) continue;
        const score = similar(e.descriptionNorm);
        if (score >= env.CASE_MERGE_THRESHOLD)
          like.push({ j, score, same: e.descriptionNorm === r.descriptionNorm });
      }
      return { text: await lookup, like };
    }),
  );
}
