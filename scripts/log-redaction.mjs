// What an unexpected error may put in the log: its class, the SQLSTATE and the names PostgreSQL
// gives (constraint, table, column, routine), and the stack frames. Never a message: drizzle's
// "Failed query … params:" carries descriptions, links and encrypted contacts; PostgreSQL's own
// messages, DETAIL and CONTEXT lines quote the values they refused. Plain JavaScript so that the
// app server (scripts/server.mjs) installs it over whatever Next sets up; the app imports it
// through lib/http/log-error.ts.

const NAMED_FIELDS = ["code", "constraint", "table", "column", "routine", "severity"];
const SAFE_CODE = /^[A-Z0-9_]{2,40}$/;
const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** One line per error of the cause chain, with no text from the input. */
export function describeError(error) {
  const lines = [];
  for (let e = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (!(e instanceof Error)) {
      lines.push(`caused by a thrown ${typeof e}`);
      break;
    }
    const named = NAMED_FIELDS.flatMap((f) => {
      const v = e[f];
      const safe = f === "code" || f === "severity" ? SAFE_CODE : SAFE_NAME;
      return typeof v === "string" && safe.test(v) ? [`${f}=${v}`] : [];
    });
    const frames = (e.stack ?? "")
      .split("\n")
      .filter((l) => /^\s+at /.test(l))
      .slice(0, 8)
      .map((l) => `    ${l.trim()}`);
    lines.push(
      [`${depth ? "caused by " : ""}${e.constructor?.name ?? "Error"}`, ...named].join(" "),
      ...frames,
    );
  }
  return lines.join("\n");
}

/** Logs an unexpected failure of `where` (an operation name), with ids the caller knows. */
export function logUnexpected(where, error, ids = {}) {
  const context = Object.entries(ids)
    .map(([k, v]) => ` ${k}=${v}`)
    .join("");
  console.error(`[iblagh] ${where} failed${context}: ${describeError(error)}`);
}

const QUERY_DUMP = /Failed query:[\s\S]*/;

/**
 * Next logs errors it catches (a page that throws, a server action that rejects) with their
 * message. Installed at start-up, this rewrites every Error given to console.error or
 * console.warn as describeError does, and cuts a query dump out of a plain string.
 */
export function installLogRedaction() {
  for (const level of ["error", "warn"]) {
    const original = console[level];
    if (original.redacted) continue;
    const redacted = (...args) =>
      original(
        ...args.map((a) =>
          a instanceof Error
            ? describeError(a)
            : typeof a === "string"
              ? a.replace(QUERY_DUMP, "Failed query: [redacted]")
              : a,
        ),
      );
    redacted.redacted = true;
    console[level] = redacted;
  }
}
