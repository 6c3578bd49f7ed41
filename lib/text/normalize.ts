// Text normalisation for matching and search. Pure; the same function runs at intake and at
// query time so both sides of a comparison are normalised alike.

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const TATWEEL = /\u0640/g;
// Bidi embedding/override controls (U+202A–202E, U+2066–2069) can make a moderator read text in
// another order than it was written; marks (LRM/RLM) are harmless and kept.
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

function digitValue(ch: string): string {
  const c = ch.charCodeAt(0);
  return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
}

/** Arabic-Indic and Eastern Arabic-Indic digits (٠-٩, ۰-۹) → 0-9; nothing else changes. */
export const toAsciiDigits = (s: string) => s.replace(ARABIC_DIGITS, digitValue);

/**
 * Arabic: diacritics and tatweel removed, alef forms (أ إ آ ٱ) → ا, ى → ي, ة → ه, Persian
 * ی/ک → ي/ك, Eastern digits → 0-9. Latin: case-folded, accents removed. Punctuation and
 * emoji become spaces; runs of space collapse.
 */
export function normalizeText(input: string): string {
  return (
    input
      // NFKC folds Arabic presentation forms and full-width Latin into their base letters.
      .normalize("NFKC")
      .replace(TATWEEL, "")
      .replace(ARABIC_DIGITS, digitValue)
      .replace(/\u0671/g, "\u0627")
      .replace(/\u0649/g, "\u064A")
      .replace(/\u06CC/g, "\u064A")
      .replace(/\u06A9/g, "\u0643")
      .replace(/\u0629/g, "\u0647")
      .toLowerCase()
      .replace(/ß/g, "ss")
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      // NFD splits accents and hamza/madda off their letters, then every combining mark goes:
      // é → e, أ → ا, آ → ا, and Arabic harakat (already marks) disappear.
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}

/** Removes characters that must never reach storage (NUL, C0/C1 controls, zero-width, bidi overrides). */
export function stripControl(input: string): string {
  return input.replace(CONTROL, "");
}

// A UTF-16 surrogate without its pair: PostgreSQL cannot store it (jsonb and text refuse it).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// C0 and C1 controls (NUL among them) but newline, carriage return and tab.
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// In a link even whitespace controls are out: no URL carries them.
const LINK_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/**
 * Text a citizen could have typed: no lone surrogate, no control character but newline and tab.
 * A regex, not String.prototype.isWellFormed: the schema also runs on older phones' browsers.
 */
export const isWellFormedText = (s: string) => !LONE_SURROGATE.test(s) && !TEXT_CONTROL.test(s);
export const isWellFormedLink = (s: string) => !LONE_SURROGATE.test(s) && !LINK_CONTROL.test(s);
