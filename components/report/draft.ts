// The citizen's unsent report lives in this browser until the server accepts it.
import type { IntakeAnswer } from "@/lib/statements/schema";

const KEY = "iblagh:report-draft:v1";

export type Draft = Record<string, unknown> & { idempotencyKey?: string };

export function loadDraft(): Draft | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : null;
    return parsed && typeof parsed === "object" ? (parsed as Draft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: Draft) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Private mode or a full storage: the form still works, only the draft is not kept.
  }
}

export function clearDraft() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {}
}

/** Whether a draft holds anything the citizen typed (not just defaults). */
export function hasContent(d: Draft): boolean {
  const contact = (d.contact ?? {}) as Record<string, unknown>;
  return [
    d.kind,
    d.category,
    d.urls,
    d.description,
    d.seenAt,
    d.platform,
    contact.email,
    contact.phone,
  ].some((v) => typeof v === "string" && v.trim() !== "");
}

// The receipt is shown once and never stored by the server: this tab keeps it until the
// citizen says it is written down, so a language switch, Back or a reload does not lose it.
const RECEIPT_KEY = "iblagh:receipt:v1";
export type KeptReceipt = { receipt: string; submittedAt: string; answer?: IntakeAnswer };

const listeners = new Set<() => void>();

export function keepReceipt(r: KeptReceipt | null) {
  try {
    if (r) window.sessionStorage.setItem(RECEIPT_KEY, JSON.stringify(r));
    else window.sessionStorage.removeItem(RECEIPT_KEY);
  } catch {}
  for (const notify of listeners) notify();
}

/** For useSyncExternalStore: the kept receipt as stored (a string, so snapshots compare). */
export const keptReceiptStore = {
  subscribe(notify: () => void) {
    listeners.add(notify);
    return () => void listeners.delete(notify);
  },
  snapshot(): string | null {
    try {
      return window.sessionStorage.getItem(RECEIPT_KEY);
    } catch {
      return null;
    }
  },
  parse(raw: string | null): KeptReceipt | null {
    try {
      const r = JSON.parse(raw ?? "null") as KeptReceipt | null;
      return r && typeof r.receipt === "string" && typeof r.submittedAt === "string" ? r : null;
    } catch {
      return null;
    }
  },
};
