import { domainToASCII, domainToUnicode } from "node:url";

// Links as a moderator reads and copies them: what the citizen typed, minus what could deceive.
// Controls (bidi overrides and isolates, TAB, line and paragraph separators, zero-width) are
// removed, `user:pass@` is dropped, and the host is shown in Unicode.

const INVISIBLE =
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** The link to store in report_links.url, or the input without its invisible characters when it does not parse. */
export function readableUrl(input: string): string {
  const visible = input.replace(INVISIBLE, "").trim();
  let url: URL;
  try {
    url = new URL(visible);
  } catch {
    return visible;
  }
  url.username = "";
  url.password = "";
  const host = domainToUnicode(url.hostname) || url.hostname;
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}${url.pathname}${url.search}${url.hash}`;
}

const SCRIPTS = [
  "Latin",
  "Cyrillic",
  "Greek",
  "Arabic",
  "Hebrew",
  "Han",
  "Hiragana",
  "Katakana",
  "Hangul",
  "Armenian",
  "Georgian",
  "Thai",
  "Devanagari",
] as const;
const PATTERNS = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, "u")] as const);
const scriptsOf = (label: string) =>
  new Set([...label].flatMap((ch) => PATTERNS.filter(([, re]) => re.test(ch)).map(([s]) => s)));

/**
 * The punycode of a host that may pass for another: a label mixing scripts (Cyrillic "а" in
 * "аpple"), or written in Cyrillic or Greek under a Latin top-level domain. null otherwise.
 */
export function lookAlikeHost(link: string): string | null {
  let hostname: string;
  try {
    hostname = new URL(link).hostname;
  } catch {
    return null;
  }
  const unicode = domainToUnicode(hostname);
  const ascii = domainToASCII(hostname);
  if (!ascii || unicode === ascii) return null;
  const labels = unicode.split(".");
  const tld = scriptsOf(labels.at(-1) ?? "");
  const suspicious = labels.some((label) => {
    const s = scriptsOf(label);
    return s.size > 1 || (tld.has("Latin") && (s.has("Cyrillic") || s.has("Greek")));
  });
  return suspicious ? ascii : null;
}
