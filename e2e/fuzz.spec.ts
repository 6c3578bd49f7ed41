import fs from "node:fs";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import sharp from "sharp";
import { expect, messages, test } from "./fixtures";
import {
  fuzzRawBody,
  fuzzReport,
  fuzzString,
  fuzzValue,
  rng,
  type Rng,
  mutated,
  pngClaiming,
} from "./fuzz-inputs";

// A bounded, seeded fuzz of everything a stranger can reach: the JSON API, the public pages and
// both citizen forms posted without JavaScript. Any 5xx, or an answer that shows how the server
// is built (a stack frame, a query, an internal path), fails. Replay: FUZZ_SEED=n.
const SEED = Number(process.env.FUZZ_SEED ?? 1507);
const LOCALES = ["ar", "fr", "en", "xx", "ar-MA", "%00", "..%2f"] as const;
const LEAKS = [
  /\n\s+at \S.*:\d+:\d+/, // stack frame
  /node_modules|\.next\/server|webpack-internal|\/work\//,
  /Failed query|SQLSTATE|violates [a-z ]*constraint|syntax error at or near|invalid input syntax/i,
  /\b(?:TypeError|ReferenceError|RangeError|SyntaxError)\b|Unexpected token/,
];

test.describe.configure({ mode: "parallel" });

class Findings {
  private found: string[] = [];
  async check(res: APIResponse, what: string) {
    const body = await res.text().catch(() => "");
    if (res.status() >= 500) this.found.push(`${res.status()} for ${what}`);
    for (const leak of LEAKS)
      if (leak.test(body)) this.found.push(`${leak} in the answer to ${what}`);
  }
  expectNone() {
    expect(this.found, `seed ${SEED}`).toEqual([]);
  }
}
/** What a request was, short enough to read in a failure list, with no raw control bytes. */
const show = (x: unknown) =>
  JSON.stringify(typeof x === "string" ? x : (x ?? null))?.slice(0, 120) ?? String(x);
/** Percent-encoded, except what no encoder writes: a lone surrogate goes as its (invalid) UTF-8 bytes. */
const q = (s: string) =>
  s
    .slice(0, 300)
    .split(/([\ud800-\udfff])/)
    .map((part, i) => (i % 2 ? "%ED%A0%80" : encodeURIComponent(part)))
    .join("");

test(`API: reports and tracking (seed ${SEED})`, async ({ request }) => {
  const r = rng(SEED);
  const f = new Findings();
  for (let i = 0; i < 120; i++) {
    const raw = r.next() < 0.3;
    const data = raw ? fuzzRawBody(r) : JSON.stringify(fuzzReport(r));
    const headers: Record<string, string> = {
      "content-type":
        r.next() < 0.9
          ? "application/json"
          : r.pick([
              "text/plain",
              "application/x-www-form-urlencoded",
              "application/json; charset=latin1",
            ]),
    };
    if (r.next() < 0.5)
      headers["idempotency-key"] = r.pick(["", "k".repeat(200), `fuzz-${SEED}-${i}`, "ÿ"]);
    if (r.next() < 0.3)
      headers["accept-language"] = r.pick(["fr", "en-GB,en;q=0.5", "*", "zz", ";;;q=x"]);
    await f.check(
      await request.post("/api/v1/reports", { data, headers }),
      `POST /api/v1/reports ${show(data.toString())}`,
    );
  }
  for (let i = 0; i < 30; i++) {
    const body = r.next() < 0.7 ? { receipt: fuzzValue(r) } : fuzzValue(r);
    await f.check(
      await request.post("/api/v1/reports/track", {
        data: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      }),
      `POST track ${show(body)}`,
    );
  }
  f.expectNone();
});

// The evidence issue's hostile files: each a localised 4xx or a clean accept, never a 5xx.
test(`API: hostile pictures (seed ${SEED})`, async ({ request }) => {
  const r = rng(SEED);
  const f = new Findings();
  const base = () =>
    sharp({ create: { width: 640, height: 480, channels: 3, background: "#c63" } }).composite([
      {
        input: Buffer.from(
          '<svg width="640" height="480"><circle cx="320" cy="240" r="120" fill="#fff"/></svg>',
        ),
      },
    ]);
  const jpeg = await base().jpeg().toBuffer();
  const frames = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      sharp({
        create: { width: 32, height: 24, channels: 3, background: { r: i, g: 255 - i, b: 7 } },
      })
        .png()
        .toBuffer(),
    ),
  );
  const files: [string, Buffer, string?][] = [
    ["zero bytes", Buffer.alloc(0)],
    ["truncated JPEG", jpeg.subarray(0, jpeg.length >> 1)],
    ["11 MB", Buffer.concat([jpeg, Buffer.alloc(11 * 1024 * 1024, 0x41)])],
    ["30,000 × 30,000 PNG", pngClaiming(30_000, 30_000)],
    [
      "animated GIF",
      await sharp(frames, { join: { animated: true } })
        .gif()
        .toBuffer(),
    ],
    ["CMYK JPEG", await base().toColourspace("cmyk").jpeg().toBuffer()],
    ["16-bit PNG", await base().toColourspace("rgb16").png().toBuffer()],
    ...(await Promise.all(
      [1, 2, 3, 4, 5, 6, 7, 8].map(
        async (o) =>
          [`orientation ${o}`, await base().withMetadata({ orientation: o }).jpeg().toBuffer()] as [
            string,
            Buffer,
          ],
      ),
    )),
    ["HTML named .jpg", Buffer.from("<!doctype html><script>alert(1)</script>")],
    ["ZIP named .jpg", Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(200, 3)])],
    ["JPEG + script", Buffer.concat([jpeg, Buffer.from("<script>alert(1)</script>")])],
    ["JPEG + ZIP", Buffer.concat([jpeg, Buffer.from("PK\x03\x04", "latin1"), Buffer.alloc(99)])],
    [
      "SVG with script",
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
      ),
    ],
    ["path and bidi in the name", jpeg, "../../etc/\u202egpj.exe\u202c/..\\passwd.jpg"],
    ...Array.from(
      { length: 12 },
      (_, i) => [`mutated ${i}`, mutated(r, jpeg, 1 + i * 4)] as [string, Buffer],
    ),
  ];
  const fields = {
    kind: "rumor",
    category: "manipulated_media",
    platform: "whatsapp",
    description: `صورة متداولة لاختبار الملفات ${SEED}`,
    declaration: "true",
  };
  for (const [what, buffer, name] of files)
    await f.check(
      await request.post("/api/v1/reports", {
        multipart: {
          ...fields,
          "images[]": { name: name ?? "photo.jpg", mimeType: "image/jpeg", buffer },
        },
      }),
      `picture: ${what}`,
    );
  // A fifth picture is one too many.
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (let i = 0; i < 5; i++) form.append("images[]", new Blob([new Uint8Array(jpeg)]), `${i}.jpg`);
  const five = await request.post("/api/v1/reports", { multipart: form });
  expect(five.status()).toBe(400);
  await f.check(five, "five pictures");
  f.expectNone();
});

test(`API: statements and figures (seed ${SEED})`, async ({ request }) => {
  const r = rng(SEED + 1);
  const f = new Findings();
  const urls = [
    () => `/api/v1/statements?q=${q(fuzzString(r))}`,
    () => `/api/v1/statements?cursor=${q(fuzzString(r))}&limit=${q(String(fuzzValue(r)))}`,
    () =>
      `/api/v1/statements?cursor=${q(Buffer.from(JSON.stringify(fuzzValue(r))).toString("base64url"))}`,
    () => `/api/v1/statements/${q(fuzzString(r))}`,
    () => `/api/v1/stats?from=${q(String(fuzzValue(r)))}&to=${q(String(fuzzValue(r)))}`,
    () => `/api/v1/stats.csv?from=${r.int(100_000) - 50_000}&to=${q(fuzzString(r))}`,
    () => `/api/v1/statements?q=${r.pick(["%", "%zz", "%C3%28", "%00", "%E2%80%AE"])}`,
  ];
  for (let i = 0; i < 60; i++) {
    const url = r.pick(urls)();
    await f.check(await request.get(url), `GET ${url.slice(0, 160)}`);
  }
  f.expectNone();
});

test(`pages (seed ${SEED})`, async ({ request }) => {
  const r = rng(SEED + 2);
  const f = new Findings();
  const paths = [
    (l: string) => `/${l}/statements?q=${q(fuzzString(r))}`,
    (l: string) => `/${l}/statements?cursor=${q(fuzzString(r))}`,
    (l: string) => `/${l}/statements/${q(fuzzString(r))}`,
    (l: string) => `/${l}/statements/${q(fuzzString(r))}/share.png`,
    (l: string) => `/${l}/stats/${q(String(fuzzValue(r)))}`,
    (l: string) => `/${l}/stats?year=${q(fuzzString(r))}`,
    (l: string) => `/${l}/track?receipt=${q(fuzzString(r))}`,
    (l: string) => `/${l}/report?kind=${q(fuzzString(r))}`,
    (l: string) => `/${l}/${q(fuzzString(r))}`,
    (l: string) => `/${l}/moderation/sign-in?next=${q(fuzzString(r))}`,
  ];
  for (let i = 0; i < 60; i++) {
    const path = r.pick(paths)(r.pick(LOCALES));
    await f.check(await request.get(path, { maxRedirects: 0 }), `GET ${path.slice(0, 160)}`);
  }
  f.expectNone();
});

/** The hidden fields a browser without JavaScript posts back with the form (the action's id). */
async function formFields(
  request: APIRequestContext,
  path: string,
): Promise<Record<string, string>> {
  const html = await (await request.get(path)).text();
  const form = html.match(/<form[^>]*method="POST"[^>]*>([\s\S]*?)<\/form>/)?.[1] ?? "";
  const fields: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
    fields[m[1]] = (m[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  }
  expect(
    Object.keys(fields).some((k) => k.startsWith("$ACTION")),
    `${path} has a server-action form`,
  ).toBe(true);
  return fields;
}

function fuzzField(r: Rng): string | { name: string; mimeType: string; buffer: Buffer } {
  if (r.next() < 0.05)
    return {
      name: r.pick(["../../x.jpg", "a\u202egpj.exe"]),
      mimeType: r.pick(["image/jpeg", "text/html"]),
      buffer: Buffer.from(fuzzString(r)),
    };
  return r.next() < 0.5 ? fuzzString(r) : String(fuzzValue(r));
}

for (const form of ["report", "track"] as const) {
  test(`the ${form} form without JavaScript (seed ${SEED})`, async ({ request, baseURL }) => {
    const r = rng(SEED + (form === "report" ? 3 : 4));
    const f = new Findings();
    const names =
      form === "report"
        ? [
            "kind",
            "category",
            "urls",
            "platform",
            "description",
            "seenAt",
            "contact.email",
            "contact.phone",
            "declaration",
            "idempotencyKey",
            "locale",
          ]
        : ["receipt"];
    for (let i = 0; i < (form === "report" ? 50 : 30); i++) {
      const locale = r.pick(["ar", "fr", "en"]);
      const path = `/${locale}/${form}`;
      const hidden = await formFields(request, path);
      const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> =
        { ...hidden };
      const valid = {
        kind: "rumor",
        category: "fake_incident",
        platform: "whatsapp",
        description: `fuzz ${SEED} ${i} خبر زائف عن حادث سير خطير في الطريق`,
        declaration: "on",
      };
      if (form === "report") Object.assign(multipart, valid);
      for (let k = 0; k <= r.int(4); k++) multipart[r.pick(names)] = fuzzField(r);
      // Now and then the action's own fields are damaged too.
      if (r.next() < 0.1) multipart[r.pick(Object.keys(hidden))] = fuzzString(r);
      const res = await request.post(path, {
        multipart,
        headers: { origin: new URL(baseURL!).origin },
        maxRedirects: 0,
      });
      await f.check(
        res,
        `POST ${path} ${show(Object.fromEntries(names.filter((n) => n in multipart).map((n) => [n, typeof multipart[n] === "string" ? multipart[n] : "(file)"])))}`,
      );
    }
    // As the page's script would call the action, with a body it never writes.
    const hidden = await formFields(request, `/en/${form}`);
    const id = (JSON.parse(hidden["$ACTION_1:0"] ?? "{}") as { id?: string }).id ?? "";
    for (let i = 0; i < 20; i++) {
      const data = r.pick([
        () => fuzzString(r),
        () => JSON.stringify(fuzzValue(r)),
        () => r.pick(['"$@5"', '["$Q1"]', '{"a":"$T"}', "123", '["$D2020"]']),
      ])();
      const res = await request.post(`/en/${form}`, {
        data,
        headers: {
          "next-action": id,
          "content-type": "text/plain;charset=UTF-8",
          origin: new URL(baseURL!).origin,
        },
        maxRedirects: 0,
      });
      await f.check(res, `action call ${show(data)}`);
    }
    f.expectNone();
  });
}

test("an address nobody published leaves nothing on the server's disk", async ({ request }) => {
  // Next caches the 404 of every unknown statement address; on disk, a stranger could fill it.
  const slug = `2099-${Date.now()}`;
  for (const locale of ["ar", "fr"])
    expect((await request.get(`/${locale}/statements/${slug}`)).status()).toBe(404);
  const cached = fs.existsSync(".next/server")
    ? fs
        .readdirSync(".next/server", { recursive: true })
        .map(String)
        .filter((p) => p.includes(slug))
    : [];
  expect(cached).toEqual([]);
});

test("an action call with a body no form sends gets a 400 in the page's language", async ({
  request,
  baseURL,
}) => {
  const hidden = await formFields(request, "/fr/track");
  const id = (JSON.parse(hidden["$ACTION_1:0"]) as { id: string }).id;
  const origin = new URL(baseURL!).origin;
  const js = await request.post("/fr/track", {
    data: '"$@5"',
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", origin },
  });
  expect(js.status()).toBe(400);
  expect((await js.text()).trim()).toBe(messages.fr.httpErrors.badAction);
  const noJs = await request.post("/fr/track", {
    multipart: { ...hidden, "$ACTION_1:1": "not json", receipt: "x" },
    headers: { origin },
  });
  expect(noJs.status()).toBe(400);
  // The connection is still usable: nothing of Next's own error page followed the answer.
  expect((await request.get("/api/health")).status()).toBe(200);
});
