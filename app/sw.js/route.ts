import { readFileSync } from "node:fs";
import path from "node:path";
import { serviceWorker } from "@/lib/pwa/service-worker";

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
  const source = `(${serviceWorker.toString()})(self, ${JSON.stringify(buildId())});\n`;
  return new Response(source, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // The browser checks for a new worker on each visit; a stale one would outlive a deploy.
      "Cache-Control": "no-cache",
    },
  });
}
