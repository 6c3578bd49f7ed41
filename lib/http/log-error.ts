// What an unexpected error may put in the log: its class, the SQLSTATE and the names PostgreSQL
// gives (constraint, table, column, routine), and the stack frames. Never a message: drizzle's
// "Failed query … params:" carries descriptions, links and encrypted contacts; PostgreSQL's own
// messages, DETAIL and CONTEXT lines quote the values they refused.

const NAMED_FIELDS = ["code", "constraint", "table", "column", "routine", "severity"] as const;
const SAFE_CODE = /^[A-Z0-9_]{2,40}$/;
const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** One line per error of the cause chain, with no text from the input. */
export function describeError(error: unknown): string {
  const lines: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (!(e instanceof Error)) {
      lines.push(`caused by a thrown ${typeof e}`);
      break;
    }
    const named = NAMED_FIELDS.flatMap((f) => {
      const v = (e as unknown as Record<string, unknown>)[f];
      const safe = f === "code" || f === "severity" ? SAFE_CODE : SAFE_NAME;
      return typeof v === "string" && safe.test(v) ? [`${f}=${v}`] : [];
    });
    const frames = (e.stack ?? "")
      .split("\n")
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 8)
      .map((l) => l.trim());
    lines.push([`${depth ? "caused by " : ""}${e.constructor?.name ?? "Error"}`, ...named].join(" "), ...frames.map((f) => `    ${f}`));
  }
  return lines.join("\n");
}

/** Logs an unexpected failure of `where` (an operation name), with ids the caller knows. */
export function logUnexpected(where: string, error: unknown, ids: Record<string, string | number> = {}): void {
  const context = Object.entries(ids).map(([k, v]) => ` ${k}=${v}`).join("");
  console.error(`[iblagh] ${where} failed${context}: ${describeError(error)}`);
}

const QUERY_DUMP = /Failed query:[\s\S]*/;

/**
 * Next logs errors it catches (a page that throws, a server action that rejects) with their
 * message. Installed once at start-up, this rewrites every Error given to console.error or
 * console.warn as describeError does, and cuts a query dump out of a plain string.
 */
export function installLogRedaction(): void {
  for (const level of ["error", "warn"] as const) {
    const original = console[level];
    if ((original as { redacted?: boolean }).redacted) continue;
    const redacted = (...args: unknown[]) =>
      original(...args.map((a) => (a instanceof Error ? describeError(a) : typeof a === "string" ? a.replace(QUERY_DUMP, "Failed query: [redacted]") : a)));
    (redacted as { redacted?: boolean }).redacted = true;
    console[level] = redacted;
  }
}
