// Receipts of the reports sent from this browser, kept on the device (localStorage) so the
// tracking page can list them without typing. Never sent to the server except one at a time,
// to look its status up. No account: another device or a cleared browser starts empty.

const KEY = "iblagh:receipts:v1";
/** A device that reports often keeps its newest receipts, not an unbounded list. */
export const MAX_KEPT = 50;

export interface DeviceReceipt {
  receipt: string;
  submittedAt: string;
}

const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage refused (private mode, blocked cookies): nothing is kept, nothing breaks.
    return null;
  }
}

const valid = (x: unknown): x is DeviceReceipt =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as DeviceReceipt).receipt === "string" &&
  typeof (x as DeviceReceipt).submittedAt === "string";

/** The kept receipts as stored (a string, so useSyncExternalStore snapshots compare). */
export function keptSnapshot(): string {
  try {
    return storage()?.getItem(KEY) ?? "[]";
  } catch {
    return "[]";
  }
}

/** Newest first; anything unreadable in storage is ignored. */
export function parseKept(raw: string): DeviceReceipt[] {
  try {
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.filter(valid) : [];
  } catch {
    return [];
  }
}

function write(list: DeviceReceipt[]) {
  try {
    const s = storage();
    if (list.length === 0) s?.removeItem(KEY);
    else s?.setItem(KEY, JSON.stringify(list.slice(0, MAX_KEPT)));
  } catch {
    // Full or refused: the receipt is still on screen to write down.
  }
  for (const notify of listeners) notify();
}

/** Keeps a receipt (once; a reload of the receipt page does not add it twice). */
export function keepOnDevice(r: DeviceReceipt) {
  const list = parseKept(keptSnapshot()).filter((k) => k.receipt !== r.receipt);
  write([{ receipt: r.receipt, submittedAt: r.submittedAt }, ...list]);
}

export function forgetOnDevice(receipt: string) {
  write(parseKept(keptSnapshot()).filter((k) => k.receipt !== receipt));
}

export function forgetAllOnDevice() {
  write([]);
}

export function subscribeKept(notify: () => void) {
  listeners.add(notify);
  const onStorage = (e: StorageEvent) => e.key === KEY && notify();
  globalThis.addEventListener?.("storage", onStorage);
  return () => {
    listeners.delete(notify);
    globalThis.removeEventListener?.("storage", onStorage);
  };
}
