// Where the service worker keeps a share until the report form takes it: written by the worker
// (lib/pwa/service-worker.ts, given these by app/sw.js/route.ts), read by the form
// (components/report/offline.ts).
export const SHARE_CACHE = "iblagh-shared";
export const SHARE_PREFIX = "/shared/";
/** One part of a share: `fields` (title, text, url as JSON) or a picture's index. */
export const sharePart = (id: string, part: string | number) => `${SHARE_PREFIX}${id}/${part}`;
