// The citizen's unsent report lives in this browser until the server accepts it.
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
  return [d.kind, d.category, d.urls, d.description, d.seenAt, d.platform, contact.email, contact.phone].some((v) => typeof v === "string" && v.trim() !== "");
}
