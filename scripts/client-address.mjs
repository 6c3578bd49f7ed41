// Who the client is, for rate limits and the sign-in throttle. Loaded by the HTTP server
// (scripts/server.mjs), which alone sees the socket; the app reads the result from one request
// header that the server always overwrites, so no client can set it.

/** The request header the server sets; any incoming copy is replaced. */
export const CLIENT_HEADER = "x-iblagh-client-address";

/**
 * The client's address given the socket's peer and the X-Forwarded-For values as received.
 * hops = 0 trusts no header: the peer is the client. hops = N trusts N proxies in front, each
 * of which appended the address it saw: the client is the N-th entry from the right. Entries
 * further left were written by the client itself and are never read. With fewer entries than
 * hops (a misconfigured proxy), the leftmost one a trusted proxy could have written is used.
 */
export function clientAddress(peer, forwardedFor, hops) {
  const chain = [peer || "unknown"];
  if (hops > 0) {
    const values = Array.isArray(forwardedFor) ? forwardedFor : forwardedFor ? [forwardedFor] : [];
    const entries = values
      .flatMap((v) => v.split(","))
      .map((s) => s.trim())
      .filter(Boolean);
    chain.push(...entries.reverse().slice(0, hops));
  }
  return normalise(chain[Math.min(hops, chain.length - 1)]);
}

// One client, one key: an IPv4 peer seen through a dual-stack socket is the same address.
function normalise(address) {
  const a = address.toLowerCase();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

/** TRUST_PROXY_HOPS, read once by the server: a whole number of proxies, 0 by default. */
export function trustedHops(value) {
  if (value === undefined || value === "") return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error("TRUST_PROXY_HOPS must be a whole number from 0 to 10");
  return n;
}
