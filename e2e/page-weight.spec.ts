import { FORM_OVER_FLOOR_KB, pageWeight } from "../scripts/bench/page";
import { expect, test } from "./fixtures";

// The restated budget (issue 15): the citizen form may add FORM_OVER_FLOOR_KB to the floor every
// App Router page of this build pays, measured on Next's own not-found page of the same build.
test(`the report form adds at most ${FORM_OVER_FLOOR_KB} KB gzip of JavaScript to the framework floor`, async ({
  page,
  baseURL,
}) => {
  const weight = pageWeight("ar/report", baseURL!);
  const floor = pageWeight("_not-found");
  // What the build output lists is what the phone downloads: nothing it fetches is left out.
  const fetched = new Set<string>();
  page.on("response", (r) => {
    const path = new URL(r.url()).pathname;
    // The service worker's script is fetched after the page has loaded, once per deployment.
    if (path.endsWith(".js") && path !== "/sw.js") fetched.add(path);
  });
  await page.goto("/ar/report", { waitUntil: "load" });
  const counted = new Set(weight.files.map((f) => f.src));
  expect([...fetched].filter((src) => !counted.has(src))).toEqual([]);
  expect(fetched.size).toBe(counted.size);
  expect((weight.totalGzipBytes - floor.totalGzipBytes) / 1024).toBeLessThanOrEqual(
    FORM_OVER_FLOOR_KB,
  );
});
