// Reports written without a connection, kept on the phone (IndexedDB: pictures are files) and
// sent when it returns, each with the idempotency key it was written with, so a report sent
// twice (this tab and another, or a retry after a lost answer) is stored once. Loaded only when
// a service worker controls the page (the form opens again offline only then); without one the
// form fails as before and keeps its draft.
import type { ReportFormState } from "@/lib/http/action-state";
import { SHARE_CACHE, SHARE_PREFIX, sharePart } from "@/lib/pwa/share-cache";
import { keepOnDevice } from "@/lib/receipts/kept";
import { sharedToReport } from "@/lib/reports/shared";
import { reportStateOf } from "./api-answer";
import { replaceFiles } from "./pictures";

const DB = "iblagh-offline";
const STORE = "reports";
/** While the connection seems back but the server does not answer. */
const RETRY_MS = 30_000;

export interface QueuedReport {
  key: string;
  locale: string;
  entries: [string, FormDataEntryValue][];
  queuedAt: number;
}

function store<T>(mode: IDBTransactionMode, request: (s: IDBObjectStore) => IDBRequest<T>) {
  return new Promise<T>((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: "key" });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = request(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.transaction!.oncomplete = () => db.close();
    };
  });
}

export const pending = () =>
  store<QueuedReport[]>("readonly", (s) => s.getAll() as IDBRequest<QueuedReport[]>);

/** Keeps the report as the form would have sent it (an empty file field is no picture). */
export async function queue(fd: FormData, locale: string): Promise<void> {
  const entries = [...fd.entries()].filter(([, v]) => typeof v === "string" || v.size > 0);
  const key = String(fd.get("idempotencyKey") ?? "") || crypto.randomUUID();
  await store("readwrite", (s) => s.put({ key, locale, entries, queuedAt: Date.now() }));
}

/** One queued report to the API: its answer, or null to try again later. */
async function send(q: QueuedReport): Promise<Exclude<ReportFormState, null> | null> {
  const body = new FormData();
  for (const [name, value] of q.entries) body.append(name, value);
  try {
    const res = await fetch("/api/v1/reports", {
      method: "POST",
      body,
      headers: { "Accept-Language": q.locale, "Idempotency-Key": q.key },
    });
    if (res.status === 429 || res.status >= 500) return null;
    return reportStateOf(res.status, await res.text(), res.headers.get("Retry-After"));
  } catch {
    return null;
  }
}

/**
 * Sends what waits, now and whenever the connection returns. `onQueued`: something waits (said
 * on screen); `onResult`: a report left the queue, with its receipt or, when the server refused
 * it, the refusal and its values for the form to show again.
 */
export function watch(onQueued: () => void, onResult: (s: ReportFormState) => void) {
  // The receipt's panel, so it can show when this page came back without a connection.
  import("./receipt-panel").catch(() => {});
  let busy = false;
  const flush = async () => {
    if (busy || !navigator.onLine) return;
    busy = true;
    try {
      const waiting = (await pending()).sort((a, b) => a.queuedAt - b.queuedAt);
      for (const q of waiting) {
        const result = await send(q);
        if (!result) break;
        await store("readwrite", (s) => s.delete(q.key));
        if (result.ok) keepOnDevice(result.data);
        const values = Object.fromEntries(
          q.entries.filter((e): e is [string, string] => typeof e[1] === "string"),
        );
        onResult(result.ok ? result : { ...result, values });
      }
    } catch {
      // Storage refused: nothing was queued either.
    } finally {
      busy = false;
    }
  };
  void pending()
    .then((list) => list.length > 0 && onQueued())
    .catch(() => {})
    .then(flush);
  addEventListener("online", flush);
  const timer = setInterval(flush, RETRY_MS);
  return () => {
    removeEventListener("online", flush);
    clearInterval(timer);
  };
}

/**
 * What another app shared (held by the service worker, lib/pwa/service-worker.ts) into the
 * form: links and words through the form's own setter, pictures into the file field (its
 * change event previews and shrinks them). Taken once: the worker's copy is then deleted.
 */
export async function takeShared(
  id: string,
  form: HTMLFormElement,
  setValue: (name: "urls" | "description", value: string) => void,
) {
  const cache = await caches.open(SHARE_CACHE);
  const at = (part: string | number) => cache.match(sharePart(id, part));
  const fields = sharedToReport((await (await at("fields"))?.json()) ?? {});
  if (fields?.urls) setValue("urls", fields.urls);
  if (fields?.description) setValue("description", fields.description);
  const files: File[] = [];
  for (let i = 0, res; (res = await at(i)); i++) {
    const blob = await res.blob();
    const name = decodeURIComponent(res.headers.get("X-Name") ?? "") || `${i + 1}`;
    files.push(new File([blob], name, { type: blob.type }));
  }
  const input = form.elements.namedItem("images");
  if (files.length && input instanceof HTMLInputElement) {
    replaceFiles(input, files);
    input.dispatchEvent(new Event("change"));
  }
  for (const req of await cache.keys())
    if (new URL(req.url).pathname.startsWith(`${SHARE_PREFIX}${id}/`)) await cache.delete(req);
}
