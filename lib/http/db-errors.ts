// Errors that mean "the database cannot be reached right now" (→ 503), as opposed to bugs.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

export function isDbUnavailable(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const err = e as { code?: unknown; message?: unknown };
    if (
      typeof err.code === "string" &&
      (UNAVAILABLE_CODES.has(err.code) || err.code.startsWith("08"))
    )
      return true;
    if (
      typeof err.message === "string" &&
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed/i.test(
        err.message,
      )
    ) {
      return true;
    }
    if (e instanceof AggregateError && e.errors.some(isDbUnavailable)) return true;
  }
  return false;
}
