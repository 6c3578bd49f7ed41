// The report form runs on cheap phones: instead of next-intl's client runtime (with its ICU
// parser, BENCHMARKS.md), the page passes the few namespaces the form uses as flat strings and the form
// fills `{name}` placeholders itself. That is all these namespaces use (the unit test keeps it so).

/** Message namespaces the citizen's report form (and its receipt) read in the browser. */
export const REPORT_FORM_NAMESPACES = [
  "report",
  "validation",
  "categories",
  "platforms",
  "apiErrors",
  "imageErrors",
] as const;

export type Strings = Readonly<Record<string, string>>;
type Tree = { [k: string]: unknown };

/** `{ report: { heading: "…" } }` → `{ "report.heading": "…" }`, for the namespaces given. */
export function flattenStrings(messages: Tree, namespaces: readonly string[]): Strings {
  const out: Record<string, string> = {};
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === "string") out[prefix] = node;
    else if (node && typeof node === "object")
      for (const [k, v] of Object.entries(node)) walk(v, `${prefix}.${k}`);
  };
  for (const ns of namespaces) walk(messages[ns], ns);
  return out;
}

export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

/** A missing key shows as itself, as next-intl does, rather than breaking the form. */
export function translatorFor(strings: Strings): Translate {
  return (key, values) => {
    const s = strings[key] ?? key;
    return values
      ? s.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m))
      : s;
  };
}
