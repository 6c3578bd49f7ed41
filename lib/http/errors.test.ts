import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import * as zm from "zod/mini";
import { ERROR_STATUS, ExpectedError, type ErrorCode } from "@/lib/errors";
import fr from "@/lib/i18n/messages/fr.json";
import { errorResponse } from "./errors";

describe("errorResponse", () => {
  it.each(Object.entries(ERROR_STATUS) as [ErrorCode, number][])(
    "maps %s to %i with a localised message",
    async (code, status) => {
      const res = errorResponse(new ExpectedError(code, { retryAfter: 42 }), "fr");
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error).toBe(code);
      expect(body.message).toBe(fr.apiErrors[code].replace("{seconds}", "42"));
    },
  );

  it("sends Retry-After with a 429", () => {
    expect(
      errorResponse(new ExpectedError("rate_limited", { retryAfter: 42 }), "ar").headers.get(
        "Retry-After",
      ),
    ).toBe("42");
  });

  it("lists every zod issue with its path, code and localised message", async () => {
    const schema = z.object({
      a: z.string().min(3, "validation.descriptionTooShort"),
      b: z.number(),
    });
    const res = errorResponse(schema.safeParse({ a: "x", b: "y" }).error, "fr");
    expect(res.status).toBe(400);
    expect((await res.json()).issues).toEqual([
      { path: "a", code: "descriptionTooShort", message: fr.validation.descriptionTooShort },
      { path: "b", code: "invalidType", message: fr.validation.invalidType },
    ]);
  });

  it("maps a thrown zod/mini error (the report schema's) to 400, not 500", async () => {
    let thrown: unknown;
    try {
      zm.object({ a: zm.string().check(zm.minLength(3, "validation.descriptionTooShort")) }).parse({
        a: "x",
      });
    } catch (e) {
      thrown = e;
    }
    const res = errorResponse(thrown, "fr");
    expect(res.status).toBe(400);
    expect((await res.json()).issues).toEqual([
      { path: "a", code: "descriptionTooShort", message: fr.validation.descriptionTooShort },
    ]);
  });

  it("answers 503 when the database is unreachable, and 500 for a bug without echoing it", async () => {
    expect(
      errorResponse(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }), "en").status,
    ).toBe(503);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = errorResponse(new Error("secret detail"), "en");
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("secret detail");
    log.mockRestore();
  });
});
