// The service worker, written as one self-contained function: app/sw.js/route.ts serves its
// source with the build's id, so each deployment installs a new worker that drops the last
// one's cache. It references nothing outside itself (it runs in the browser, from its text).
//
// What it does, and nothing more:
// - the citizen pages a phone may open without a connection (home, report form, tracking)
//   come from the network, and from the last copy when the network fails; never staff pages;
// - the build's static files and icons are kept (their names change with their content);
// - a share from another app (the manifest's POST share_target) is held in a cache until the
//   report form takes it: links, words and pictures (lib/reports/shared.ts reads them there).
// Reports are never touched here: the form sends them, and queues them itself when offline
// (components/report/offline.ts), so a report's one path to the server stays the API.

interface WorkerEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface WorkerFetchEvent extends WorkerEvent {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
export interface WorkerScope {
  location: Location;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", fn: (e: WorkerEvent) => void): void;
  addEventListener(type: "fetch", fn: (e: WorkerFetchEvent) => void): void;
}

/** What the worker shares with the app's code, passed in by the route that serves it. */
export interface WorkerConfig {
  /** The build's id: the cache of this deployment. */
  version: string;
  shareCache: string;
  sharePrefix: string;
  maxPictures: number;
  maxText: number;
}

export function serviceWorker(scope: WorkerScope, config: WorkerConfig) {
  const CACHE = `iblagh-${config.version}`;
  const SHARED = config.shareCache;
  const OFFLINE_PAGES = /^\/(ar|fr|en)(\/report|\/track)?\/?$/;
  const STATIC = /^\/(_next\/static\/|icons\/|icon\.svg$)/;
  const SHARE = /^\/api\/share\/(ar|fr|en)$/;

  scope.addEventListener("install", () => void scope.skipWaiting());
  scope.addEventListener("activate", (e) =>
    e.waitUntil(
      (async () => {
        for (const name of await caches.keys())
          if (name.startsWith("iblagh-") && name !== CACHE && name !== SHARED)
            await caches.delete(name);
        await scope.clients.claim();
      })(),
    ),
  );

  scope.addEventListener("fetch", (e) => {
    const req = e.request;
    const url = new URL(req.url);
    if (url.origin !== scope.location.origin) return;
    const share = req.method === "POST" && url.pathname.match(SHARE);
    if (share) return e.respondWith(takeShare(req, share[1], url));
    if (req.method !== "GET") return;
    if (STATIC.test(url.pathname)) return e.respondWith(cacheFirst(req));
    if (req.mode === "navigate" && OFFLINE_PAGES.test(url.pathname))
      return e.respondWith(networkFirst(e, url));
  });

  async function cacheFirst(req: Request) {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(req);
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok) await cache.put(req, res.clone());
    return res;
  }

  async function networkFirst(e: WorkerFetchEvent, url: URL) {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(e.request);
      // Only the plain page: one opened from a share carries what was shared in its markup.
      // Kept while the page streams to the screen, not before.
      if (res.ok && !url.search && !res.redirected)
        e.waitUntil(cache.put(url.pathname, res.clone()));
      return res;
    } catch (error) {
      const kept = await cache.match(url.pathname);
      if (kept) return kept;
      throw error;
    }
  }

  async function takeShare(req: Request, locale: string, url: URL) {
    const to = new URL(`/${locale}/report`, url);
    try {
      const form = await req.formData();
      const fields: Record<string, string> = {};
      for (const name of ["title", "text", "url"]) {
        const v = form.get(name);
        if (typeof v === "string") fields[name] = v.slice(0, config.maxText);
      }
      const pictures = form
        .getAll("images")
        .filter((f): f is File => typeof f !== "string" && f.size > 0)
        .slice(0, config.maxPictures);
      const cache = await caches.open(SHARED);
      // One share at a time: an earlier one the form never took is dropped.
      for (const old of await cache.keys()) await cache.delete(old);
      const id = crypto.randomUUID();
      await cache.put(`${config.sharePrefix}${id}/fields`, Response.json(fields));
      await Promise.all(
        pictures.map((f, i) =>
          cache.put(
            `${config.sharePrefix}${id}/${i}`,
            new Response(f, {
              headers: { "Content-Type": f.type, "X-Name": encodeURIComponent(f.name) },
            }),
          ),
        ),
      );
      to.searchParams.set("shared", id);
    } catch {
      // An unreadable share opens the empty form rather than an error.
    }
    return Response.redirect(to.href, 303);
  }
}
