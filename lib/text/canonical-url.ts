// Canonical links: two citizens who paste the same post from different apps must produce the
// same string, because case matching looks links up by equality (a btree, not a scan).

export const PLATFORMS = [
  "x",
  "facebook",
  "instagram",
  "tiktok",
  "youtube",
  "telegram",
  "whatsapp",
  "website",
  "other",
] as const;
export type Platform = (typeof PLATFORMS)[number];

const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "mc_cid",
  "mc_eid",
  "igshid",
  "igsh",
  "si",
  "ref",
  "ref_src",
  "ref_url",
  "feature",
  "mibextid",
  "rdid",
  "share_url",
  "sfnsn",
  "s",
  "t",
  "_t",
  "_r",
  "is_from_webapp",
  "sender_device",
  "web_id",
  "__tn__",
  "__cft__",
  "__xts__",
  "hc_ref",
  "app",
  "pp",
  "ab_channel",
  "source",
  "src",
]);
// Parameters that carry the content's identity on platforms that put it in the query string.
const CONTENT_PARAMS: Record<string, Set<string>> = {
  "youtube.com": new Set(["v", "list"]),
  "facebook.com": new Set(["story_fbid", "id", "v", "fbid", "set", "comment_id"]),
};

const HOST_ALIASES: Record<string, string> = {
  "twitter.com": "x.com",
  "fb.com": "facebook.com",
  "instagr.am": "instagram.com",
  "telegram.me": "t.me",
  "youtube-nocookie.com": "youtube.com",
};

const PLATFORM_HOSTS: [Platform, string[]][] = [
  ["x", ["x.com", "t.co"]],
  ["facebook", ["facebook.com", "fb.watch", "fb.me", "messenger.com"]],
  ["instagram", ["instagram.com"]],
  ["tiktok", ["tiktok.com"]],
  ["youtube", ["youtube.com", "youtu.be"]],
  ["telegram", ["t.me", "telegram.org"]],
  ["whatsapp", ["wa.me", "whatsapp.com"]],
];

function baseHost(hostname: string): string {
  let host = hostname.toLowerCase().replace(/\.$/, "");
  // Mobile and "www" variants serve the same content.
  for (;;) {
    const stripped = host.replace(
      /^(www\d?|m|mobile|mbasic|touch|web|vm|vt)\.(?=[^.]+\.[^.]+)/,
      "",
    );
    if (stripped === host) break;
    host = stripped;
  }
  return HOST_ALIASES[host] ?? host;
}

export function parseHttpUrl(input: string): URL | null {
  const trimmed = input.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname.includes(".") && url.hostname !== "localhost") return null;
    return url;
  } catch {
    return null;
  }
}

/** Canonical form of an http(s) link, or null if it is not one. */
export function canonicalizeUrl(input: string): string | null {
  const url = parseHttpUrl(input);
  if (!url) return null;
  let host = baseHost(url.hostname);
  let path = url.pathname.replace(/\/{2,}/g, "/");
  const params = new URLSearchParams();

  if (host === "youtu.be") {
    const id = path.split("/")[1];
    if (id) {
      host = "youtube.com";
      path = "/watch";
      params.set("v", id);
    }
  } else if (host === "youtube.com") {
    const m = path.match(/^\/(shorts|embed|live|v)\/([^/]+)/);
    if (m) {
      path = "/watch";
      params.set("v", m[2]);
    }
  } else if (host === "x.com") {
    // A post is identified by its number whoever's name is in the path (names change).
    const m = path.match(/^\/[^/]+\/status(?:es)?\/(\d+)/);
    if (m) path = `/i/status/${m[1]}`;
  }

  const keep = CONTENT_PARAMS[host];
  const entries = [...url.searchParams.entries()]
    .filter(([k]) => {
      const key = k.toLowerCase();
      if (keep) return keep.has(key);
      return !key.startsWith("utm_") && !TRACKING_PARAMS.has(key);
    })
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  for (const [k, v] of entries) if (!params.has(k)) params.append(k, v);

  if (path.length > 1) path = path.replace(/\/+$/, "");
  const query = params.toString();
  const port = url.port && url.port !== "80" && url.port !== "443" ? `:${url.port}` : "";
  return `https://${host}${port}${path}${query ? `?${query}` : ""}`;
}

/** Which platform a link belongs to; `website` for any other site. */
export function detectPlatform(input: string): Platform | null {
  const url = parseHttpUrl(input);
  if (!url) return null;
  const host = baseHost(url.hostname);
  for (const [platform, hosts] of PLATFORM_HOSTS) {
    if (hosts.some((h) => host === h || host.endsWith(`.${h}`))) return platform;
  }
  return "website";
}
