/**
 * Housekeeping that rides on traffic, so no scheduler is needed: the returned function starts
 * `task` when at least `intervalMs` have passed since it last did in this process, and never
 * waits for it. A purge by chance (1 request in 100) scanned its table 8 times a second under
 * a surge; by the clock it runs once a minute whatever the load.
 */
export function atMostEvery(
  intervalMs: number,
  task: () => Promise<unknown>,
  clock: () => number = Date.now,
): () => boolean {
  let last = -Infinity;
  return () => {
    const now = clock();
    if (now - last < intervalMs) return false;
    last = now;
    // A failed purge is retried at the next interval; the request that started it is not failed.
    void task().catch(() => {});
    return true;
  };
}
