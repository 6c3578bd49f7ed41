import {
  errorSchema,
  healthSchema,
  receiptSchema,
  statementPageSchema,
  statsAnswerSchema,
  trackedReportSchema,
} from "../lib/api/schemas";
import { expect, messages, test, uniqueText } from "./fixtures";

const report = () => ({
  kind: "rumor",
  category: "fake_incident",
  urls: ["https://twitter.com/someone/status/1800000000000000001?s=20"],
  description: uniqueText("خبر زائف عن حادث سير خطير في الطريق السيار"),
  declaration: true,
});

test("POST /api/v1/reports returns a receipt that tracks", async ({ request }) => {
  const res = await request.post("/api/v1/reports", { data: report() });
  expect(res.status()).toBe(201);
  const body = await res.json();
  expect(body).toEqual({
    receipt: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/),
    status: "received",
    submittedAt: expect.any(String),
  });

  const tracked = await request.post("/api/v1/reports/track", { data: { receipt: body.receipt } });
  expect(tracked.status()).toBe(200);
  expect(await tracked.json()).toEqual({ status: "received", updatedAt: expect.any(String) });
});

test("an Idempotency-Key makes a retry return the same receipt, and refuses another body", async ({
  request,
}) => {
  const key = `e2e-${Date.now()}`;
  const body = report();
  const first = await request.post("/api/v1/reports", {
    data: body,
    headers: { "Idempotency-Key": key },
  });
  const again = await request.post("/api/v1/reports", {
    data: body,
    headers: { "Idempotency-Key": key },
  });
  expect(first.status()).toBe(201);
  expect(again.status()).toBe(201);
  expect((await again.json()).receipt).toBe((await first.json()).receipt);

  const other = await request.post("/api/v1/reports", {
    data: { ...body, category: "security_rumor" },
    headers: { "Idempotency-Key": key },
  });
  expect(other.status()).toBe(409);
  expect((await other.json()).error).toBe("idempotency_conflict");
});

test("validation errors list every field, localised by Accept-Language", async ({ request }) => {
  const res = await request.post("/api/v1/reports", {
    data: { kind: "violent_content", description: "x" },
    headers: { "Accept-Language": "ar" },
  });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error).toBe("validation_failed");
  expect(body.message).toBe(messages.ar.apiErrors.validation_failed);
  const byPath = Object.fromEntries(
    body.issues.map((i: { path: string; message: string }) => [i.path, i.message]),
  );
  expect(byPath).toMatchObject({
    category: messages.ar.validation.categoryRequired,
    description: messages.ar.validation.descriptionTooShort,
    declaration: messages.ar.validation.declarationRequired,
    urls: messages.ar.validation.urlRequiredForViolent,
  });
});

test("bad input never produces a 500", async ({ request }) => {
  const bodies: [string, string][] = [
    ["{not json", "application/json"],
    ["", "application/json"],
    ["null", "application/json"],
    ["[]", "application/json"],
    ['"string"', "application/json"],
    [
      '{"kind":1,"category":[],"urls":{"a":1},"description":{},"declaration":"yes","contact":"x"}',
      "application/json",
    ],
    [JSON.stringify({ ...report(), description: "\u0000".repeat(100) }), "application/json"],
    [
      JSON.stringify({ ...report(), urls: ["javascript:alert(1)", "https://\u0000.ma"] }),
      "application/json",
    ],
    [JSON.stringify({ ...report(), seenAt: "2024-02-30T99:99" }), "application/json"],
    [JSON.stringify({ ...report(), description: "x".repeat(60_000) }), "application/json"],
    ["\uFFFD\uD800", "application/json"],
    ["kind=rumor", "application/x-www-form-urlencoded"],
  ];
  for (const [data, type] of bodies) {
    // A Buffer is sent byte for byte; a string would be JSON-encoded again.
    const res = await request.post("/api/v1/reports", {
      data: Buffer.from(data),
      headers: { "Content-Type": type },
    });
    expect(res.status(), data.slice(0, 60)).toBeGreaterThanOrEqual(400);
    expect(res.status(), data.slice(0, 60)).toBeLessThan(500);
    expect(await res.json()).toHaveProperty("error");
  }
  // Text PostgreSQL cannot store (a lone surrogate, NUL) is refused with a field error, not a 500.
  for (const patch of [
    { description: `${report().description}\u0000\u0000` },
    { description: `${report().description} \ud800` },
    { urls: ["https://x.com/a/status/1\ud800"] },
  ]) {
    const res = await request.post("/api/v1/reports", { data: { ...report(), ...patch } });
    expect(res.status(), JSON.stringify(patch)).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("textIllFormed");
  }
  // Bidi and zero-width controls and mixed scripts in an otherwise valid report are cleaned, not refused.
  const res = await request.post("/api/v1/reports", {
    data: {
      ...report(),
      description: `ok ${"\u200B\u202E".repeat(10)} خليط Mixed scripts مختلطة ${Date.now()}`,
    },
  });
  expect(res.status()).toBe(201);
  // A forged statements cursor whose date PostgreSQL would refuse is no cursor.
  const forged = Buffer.from(
    JSON.stringify(["+275760-09-13T00:00:00.000Z", "0b4a3c1e-8f2d-4a6b-9c1d-2e3f4a5b6c7d"]),
  ).toString("base64url");
  expect((await request.get(`/api/v1/statements?cursor=${forged}`)).status()).toBe(200);
});

test("oversized, non-JSON and malformed requests get their own status", async ({ request }) => {
  const big = await request.post("/api/v1/reports", {
    data: Buffer.from(JSON.stringify({ description: "x".repeat(70 * 1024) })),
    headers: { "Content-Type": "application/json" },
  });
  expect(big.status()).toBe(413);
  const text = await request.post("/api/v1/reports", {
    data: Buffer.from("hello"),
    headers: { "Content-Type": "text/plain" },
  });
  expect(text.status()).toBe(415);
  const bad = await request.post("/api/v1/reports", {
    data: Buffer.from("{"),
    headers: { "Content-Type": "application/json" },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toBe("invalid_json");
  const badKey = await request.post("/api/v1/reports", {
    data: report(),
    headers: { "Idempotency-Key": "k".repeat(129) },
  });
  expect(badKey.status()).toBe(400);
});

test("tracking answers unknown and malformed receipts alike", async ({ request }) => {
  const unknown = await request.post("/api/v1/reports/track", {
    data: { receipt: "ZZZZ-ZZZZ-ZZZZ-ZZZZ" },
  });
  const malformed = await request.post("/api/v1/reports/track", { data: { receipt: "hello" } });
  expect(unknown.status()).toBe(404);
  expect(malformed.status()).toBe(404);
  expect(await malformed.json()).toEqual(await unknown.json());
});

test("health and the OpenAPI document", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/api/v1/reports", "/api/v1/reports/track"]),
  );
});

// The document is generated from these schemas (lib/api/openapi.ts): the answers must fit them.
test("every answer has the shape the OpenAPI document gives it", async ({ request }) => {
  const created = await request.post("/api/v1/reports", { data: report() });
  const receipt = receiptSchema.parse(await created.json());
  const tracked = await request.post("/api/v1/reports/track", { data: receipt });
  trackedReportSchema.parse(await tracked.json());
  statementPageSchema.parse(await (await request.get("/api/v1/statements?locale=fr")).json());
  statsAnswerSchema.parse(await (await request.get("/api/v1/stats?from=2024&to=2025")).json());
  healthSchema.parse(await (await request.get("/api/health")).json());
  const refused = await request.post("/api/v1/reports", { data: { kind: "nope" } });
  expect(refused.status()).toBe(400);
  expect(errorSchema.parse(await refused.json()).issues?.length).toBeGreaterThan(0);
});

test("the benchmark routes do not exist outside a benchmark run", async ({ request }) => {
  for (const path of ["/api/bench/echo", "/api/bench/validate", "/api/bench/image"]) {
    expect((await request.post(path, { data: report() })).status(), path).toBe(404);
  }
});

test("a forged or oversized page POST gets a localised 4xx before the action runs, never a 500", async ({
  request,
  baseURL,
}) => {
  const host = new URL(baseURL!).host;
  const crossSite = await request.post("/fr/report", {
    headers: {
      origin: "https://evil.example",
      "next-action": "00".repeat(21),
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "[]",
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toContain(messages.fr.httpErrors.crossOrigin);

  // Over the 1 MB a page form takes (the report form alone takes its pictures: unit-tested).
  const big = await request.post("/ar/track", {
    headers: {
      origin: `http://${host}`,
      "next-action": "00".repeat(21),
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "a".repeat(1024 * 1024 + 1),
  });
  expect(big.status()).toBe(413);
  expect(await big.text()).toContain(messages.ar.httpErrors.tooLarge);
});
