// The mail worker polls; a message written now is sent sooner when its writer wakes it (the
// write may still be in a transaction: the worker finds it on its next pass otherwise).
const listeners = new Set<() => void>();

export function onMailWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function wakeMailWorker() {
  for (const l of listeners) setTimeout(l, 50);
}
