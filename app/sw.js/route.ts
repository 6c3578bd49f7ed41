import { readFileSync } from "node:fs";
import path from "node:path";
import { MAX_IMAGES } from "@/lib/image/limits";
import { SHARE_CACHE, SHARE_PREFIX } from "@/lib/pwa/share-cache";
import { serviceWorker, type WorkerConfig } from "@/lib/pwa/service-worker";
import { SHARED_TEXT_MAX } from "@/lib/reports/shared";

// The build's id names the worker's cache: a new deployment installs a new worker, which
// drops the files of the last one.
function buildId() {
  try {
    return readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
}

export const dynamic = "force-dynamic";

export function GET() {
  const config: WorkerConfig = {
    version: buildId(),
    shareCache: SHARE_CACHE,
    sharePrefix: SHARE_PREFIX,
    maxPictures: MAX_IMAGES,
    maxText: SHARED_TEXT_MAX,
  };
  const source = `(${serviceWorker.toString()})(self, ${JSON.stringify(config)});\n`;
  return new Response(source, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // The browser checks for a new worker on each visit; a stale one would outlive a deploy.
      "Cache-Control": "no-cache",
    },
  });
}
