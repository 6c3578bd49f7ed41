// The contract between lib/reports/store.ts and iblagh_store_reports
// (drizzle/functions/iblagh_store_reports.sql): what the app decides before the call and the
// database decides in it. Field names are the SQL's; the constants travel here from their one
// TypeScript definition, so the SQL states none of them.

/** One report of a batch: its row, its matching hints and its counters. */
export interface StoreItem {
  id: string;
  receipt_hash: string;
  kind: string;
  category: string;
  platform: string;
  locale: string;
  description: string;
  description_norm: string;
  seen_at: Date | null;
  contact_enc: string | null;
  notify: boolean;
  confirmation_enc: string | null;
  at: Date;
  /** Canonical links, deduplicated: the case's links, matched first. */
  urls: string[];
  links: { position: number; url: string; canonical_url: string; platform: string }[];
  /** MinHash band keys of a forwarded message (no link); empty otherwise. */
  bands: bigint[];
  summary: string;
  search_text: string;
  key_hash: string | null;
  request_hash: string | null;
  /** The receipt a retry under the key replays, encrypted. */
  answer: string | null;
  rate: { bucket: string; window_start: Date; limit: number; retry_after: number } | null;
  /** Open cases whose reports read like this one, best first (./hints.ts). */
  text: { case_id: string; report_id: string; score: number }[];
  /** Earlier reports of the batch that read like this one: index, score, same text. */
  like: { j: number; score: number; same: boolean }[];
  /** Pictures (stored beforehand by iblagh_store_media), in the report's order. */
  media: { sha256: string; pdq: string | null; quality: number | null }[];
  year: number;
  /** Counters of every report; then those of an opened case or of a joined one. */
  dims: string[];
  opened_dims: string[];
  joined_dims: string[];
}

export interface StorePayload {
  shard: number;
  metrics: {
    reports: string;
    opened: string;
    joined: string;
    with_images: string;
    joined_by_image: string;
    answered: string;
  };
  /** PDQ_MATCH_DISTANCE and PDQ_MIN_QUALITY of lib/image/pdq.ts. */
  pdq: { max_distance: number; min_quality: number };
  surge: { high: number; urgent: number };
  /** PRIORITIES, lowest first. */
  priorities: readonly string[];
  open_statuses: readonly string[];
  /** Closed cases whose statements answer a report at once, and the statements' types. */
  answered_statuses: readonly string[];
  answer_types: readonly string[];
  /** PER_BAND of ./text.ts. */
  per_band: number;
  items: StoreItem[];
}

export type StoreResult =
  | { status: "stored"; case_id: string; opened: boolean; answered_by: string | null }
  | { status: "rate_limited"; retry_after: number }
  | {
      status: "replay";
      request_hash: string | null;
      response_enc: string | null;
      answered_by: string | null;
    };
