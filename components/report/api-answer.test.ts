import { describe, expect, it } from "vitest";
import { reportStateOf } from "./api-answer";

describe("reportStateOf", () => {
  it("gives the receipt of a stored report", () => {
    const body = { receipt: "ABCD-EFGH", submittedAt: "2026-12-07T10:00:00Z" };
    expect(reportStateOf(201, JSON.stringify(body), null)).toEqual({ ok: true, data: body });
  });

  it("puts a refused picture under the pictures field, and field issues under their fields", () => {
    expect(reportStateOf(400, '{"error":"validation_failed","reason":"image_type"}', null)).toEqual(
      { ok: false, code: "validation_failed", fieldErrors: { images: "imageErrors.image_type" } },
    );
    const issues = [{ path: "description", code: "descriptionTooShort", message: "…" }];
    expect(reportStateOf(400, JSON.stringify({ issues }), null)).toMatchObject({
      fieldErrors: { description: "validation.descriptionTooShort" },
    });
  });

  it("keeps the server's code and wait, and calls an unreadable answer unavailable", () => {
    expect(reportStateOf(429, '{"error":"rate_limited"}', "42")).toEqual({
      ok: false,
      code: "rate_limited",
      retryAfter: 42,
    });
    expect(reportStateOf(502, "<html>Bad gateway</html>", null)).toEqual({
      ok: false,
      code: "service_unavailable",
      retryAfter: undefined,
    });
  });
});
