import { afterEach, describe, expect, it, vi } from "vitest";
import { storeReports } from "@/lib/reports/store";
import type { ReportInput } from "@/lib/reports/schema";
import { withTestDb } from "@/lib/testing/db";
import { installLogRedaction, logUnexpected } from "./log-error";

const conn = withTestDb();
const MARKER = "marker-7c1e-secret-description";

// A report the database refuses (a kind its check constraint does not allow), carrying text a
// reporter wrote in every field that reaches the query.
const poisoned = {
  kind: "spam",
  category: "fake_incident",
  description: `${MARKER} description`,
  urls: [`https://example.com/${MARKER}`],
  contact: { email: `${MARKER}@example.com` },
  declaration: true,
} as unknown as ReportInput;

async function refusal(): Promise<unknown> {
  try {
    const [outcome] = await storeReports(conn.db, [
      { input: poisoned, opts: { locale: "ar", idempotencyKey: `key-${MARKER}` } },
    ]);
    return outcome.ok ? new Error("stored") : outcome.error;
  } catch (error) {
    return error;
  }
}

afterEach(() => vi.restoreAllMocks());

describe("a failing query in the log", () => {
  it("names the SQLSTATE and constraint, never a parameter or a message quoting the input", async () => {
    const error = await refusal();
    // Without the redaction, the error itself carries the input: the test would catch a leak.
    expect(`${(error as Error).message} ${JSON.stringify((error as Error).cause ?? {})}`).toContain(
      MARKER,
    );
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation(
      (...args) => void lines.push(args.map(String).join(" ")),
    );
    logUnexpected("report action", error, { report: "r-1" });
    const out = lines.join("\n");
    expect(out).toMatch(/report action failed report=r-1/);
    expect(out).toMatch(/code=23514/);
    expect(out).not.toContain(MARKER);
  });

  it("stays clean when the framework itself logs the error object", async () => {
    const error = await refusal();
    const lines: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) =>
      void lines.push(args.map((a) => (a instanceof Error ? `${a.stack}` : String(a))).join(" "));
    try {
      installLogRedaction();
      console.error("⨯", error);
      console.error(`Error: Failed query: insert into x values ($1)\nparams: ${MARKER}`);
    } finally {
      console.error = original;
    }
    expect(lines.join("\n")).not.toContain(MARKER);
    expect(lines.join("\n")).toMatch(/code=23514/);
  });
});
