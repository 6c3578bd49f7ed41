// The HTTP server of `npm start` and `npm run dev`: Next's own request handler behind a plain
// Node server, because only the socket knows who is calling (App Router handlers see headers,
// never the peer address). It sets the client's address in one header the app reads, and it
// refuses, before Next buffers them, page POSTs no form of ours sends (scripts/page-guard.mjs).
import http from "node:http";
import { createRequire } from "node:module";
import next from "next";
import { CLIENT_HEADER, clientAddress, trustedHops } from "./client-address.mjs";
import { installLogRedaction } from "./log-redaction.mjs";
import { pageRefusal } from "./page-guard.mjs";

const require = createRequire(import.meta.url);
const MESSAGES = Object.fromEntries(["ar", "fr", "en"].map((l) => [l, require(`../lib/i18n/messages/${l}.json`).httpErrors]));

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const portArg = args.indexOf("-p");
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 3000);
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
  req.headers[CLIENT_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  const refusal = pageRefusal(req.method, req.url, req.headers);
  if (refusal) {
    // Answered before Next reads the body: it would buffer it, then fail the action with a 500.
    const text = (MESSAGES[refusal.locale] ?? MESSAGES.ar)[refusal.key];
    res.writeHead(refusal.status, { "content-type": "text/plain; charset=utf-8", "content-language": refusal.locale, connection: "close" }).end(`${text}\n`);
    req.resume();
    return;
  }
  handle(req, res);
});
server.on("upgrade", (req, socket, head) => {
  req.headers[CLIENT_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  app.getUpgradeHandler()(req, socket, head);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`> Iblagh on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}${dev ? " (dev)" : ""}`));

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
