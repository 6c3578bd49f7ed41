// The HTTP server of `npm start` and `npm run dev`: Next's own request handler behind a plain
// Node server, because only the socket knows who is calling (App Router handlers see headers,
// never the peer address). It sets the client's address in one header the app reads, and it
// refuses, before Next buffers them, page POSTs no form of ours sends (scripts/page-guard.mjs).
import http from "node:http";
import { createRequire } from "node:module";
import next from "next";
import { CLIENT_HEADER, clientAddress, trustedHops } from "./client-address.mjs";
import { installLogRedaction } from "./log-redaction.mjs";
import { decodablePath, isActionRequest, localeOf, pageRefusal } from "./page-guard.mjs";

const require = createRequire(import.meta.url);
const MESSAGES = Object.fromEntries(
  ["ar", "fr", "en"].map((l) => [l, require(`../lib/i18n/messages/${l}.json`).httpErrors]),
);

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const portArg = args.indexOf("-p");
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 3000);
// What the app builds its own links from when PUBLIC_URL is unset (lib/mail).
process.env.PORT = String(port);
// -H to bind one address; not $HOSTNAME, which container runtimes set to the machine's name.
const hostArg = args.indexOf("-H");
const hostname = hostArg >= 0 ? args[hostArg + 1] : "0.0.0.0";
const hops = trustedHops(process.env.TRUST_PROXY_HOPS);

process.env.NEXT_TELEMETRY_DISABLED = "1";
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
// After Next has set up its logging, so that what it logs passes through the redaction too.
installLogRedaction();

const server = http.createServer((req, res) => {
  req.headers[CLIENT_HEADER] = clientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    hops,
  );
  req.url = decodablePath(req.url);
  const refusal = pageRefusal(req.method, req.url, req.headers);
  if (refusal) {
    // Answered before Next reads the body: it would buffer it, then fail the action with a 500.
    refuse(res, refusal.status, refusal.locale, refusal.key, { connection: "close" });
    req.resume();
    return;
  }
  if (isActionRequest(req.method, req.url, req.headers)) answerUndecodableWith400(req, res);
  handle(req, res);
});

function refuse(res, status, locale, key, extra = {}) {
  const text = (MESSAGES[locale] ?? MESSAGES.ar)[key];
  res
    .writeHead(status, {
      "content-type": "text/plain; charset=utf-8",
      "content-language": locale,
      "cache-control": "no-store",
      ...extra,
    })
    .end(`${text}\n`);
}

// Our actions catch their own failures and answer with a state (a refusal, 503, internal_error),
// so a 500 from an action request comes from Next failing to decode a body none of our forms
// sends. That is the sender's error: a localised 400 instead of Next's 500 page. Next has
// already logged the error's class and stack (redacted) for whoever wants to look.
function answerUndecodableWith400(req, res) {
  const { writeHead, write, end } = res;
  let replacing = false;
  // Next sets a 500 and then writes its page (writeHead, or an implicit header on the first
  // write or end): nothing of it is sent; end() sends the refusal instead.
  const takeOver = () => (replacing ||= res.statusCode === 500 && !res.headersSent);
  res.writeHead = function (status, ...rest) {
    if (status !== 500 || res.headersSent) return writeHead.call(this, status, ...rest);
    res.statusCode = 500;
    replacing = true;
    return this;
  };
  res.write = function (chunk, ...rest) {
    if (!takeOver()) return write.call(this, chunk, ...rest);
    rest.find((a) => typeof a === "function")?.();
    return true;
  };
  res.end = function (...args) {
    if (!takeOver()) return end.apply(this, args);
    Object.assign(res, { writeHead, write, end });
    for (const h of [
      "content-length",
      "content-type",
      "content-encoding",
      "transfer-encoding",
      "etag",
      "vary",
      "link",
      "cache-control",
    ])
      res.removeHeader(h);
    const done = args.find((a) => typeof a === "function");
    if (done) res.once("finish", done);
    refuse(res, 400, localeOf(req.url), "badAction");
    return this;
  };
}

server.on("upgrade", (req, socket, head) => {
  req.headers[CLIENT_HEADER] = clientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    hops,
  );
  app.getUpgradeHandler()(req, socket, head);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () =>
  console.log(
    `> Iblagh on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}${dev ? " (dev)" : ""}`,
  ),
);

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
