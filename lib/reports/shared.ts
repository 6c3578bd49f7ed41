// What another app shares to Iblagh (the web app manifest's share_target: title, text, url as
// query parameters) as the report form's first values: the links in the url field, the words
// in the description. Android puts a shared link in `text` as often as in `url`.

/** Each shared field carried in an address (no service worker): 1,500 Arabic letters are
 *  ~9 KB percent-encoded, well under Node's 16 KB limit for a request's headers. */
export const SHARED_URL_TEXT_MAX = 1500;

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/gi;
/** Each shared field, as far as the report form takes it. */
export const SHARED_TEXT_MAX = 5000;

export function sharedToReport(q: { title?: unknown; text?: unknown; url?: unknown }) {
  const str = (v: unknown) => (typeof v === "string" ? v.slice(0, SHARED_TEXT_MAX) : "");
  const [title, text, url] = [str(q.title), str(q.text), str(q.url)];
  const links = [...new Set([url.trim(), ...(`${title} ${text}`.match(URL_IN_TEXT) ?? [])])].filter(
    (u) => /^https?:\/\//i.test(u),
  );
  const words = [title, text]
    .map((s) =>
      s
        .replace(URL_IN_TEXT, "")
        .replace(/[ \t]+/g, " ")
        .trim(),
    )
    .filter(Boolean);
  // The title is often the start of the text (a post's first line): not twice.
  const description =
    words.length === 2 && words[1].startsWith(words[0]) ? words[1] : words.join("\n");
  if (links.length === 0 && !description) return undefined;
  return {
    ...(links.length ? { urls: links.slice(0, 5).join("\n") } : {}),
    ...(description ? { description } : {}),
  };
}
