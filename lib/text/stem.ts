import { normalizeText } from "./normalize";

// Light suffix stripping for French and English search words, after normalizeText (lower case,
// no accents): «enlèvement» and «enlevés» both become "enlev", found inside the stored
// "enlevement". Longest suffix first; a stem keeps at least 4 letters. Arabic words have none
// of these endings: their normalisation (diacritics, alef and ya forms) already does the work.
const SUFFIXES = [
  "issements",
  "issement",
  "ements",
  "ement",
  "ations",
  "ation",
  "ments",
  "ment",
  "ences",
  "ence",
  "ances",
  "ance",
  "ables",
  "able",
  "ibles",
  "ible",
  "euses",
  "euse",
  "eaux",
  "ings",
  "ing",
  "ies",
  "ied",
  "ees",
  "ee",
  "es",
  "ed",
  "er",
  "ez",
  "ly",
  "s",
  "e",
];
const MIN_STEM = 4;

export function stemWord(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM)
      return word.slice(0, -suffix.length);
  }
  return word;
}

/** What each word of a search must be found as: normalised, stemmed, distinct, at most 8. */
export function searchStems(query: string): string[] {
  const words = normalizeText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  return [...new Set(words.map(stemWord))].slice(0, 8);
}
