// The HTTP server of `npm start` and `npm run dev`: Next's own request handler behind a plain
// Node server, because only the socket knows who is calling (App Router handlers see headers,
// never the peer address). It sets the client's address in one header the app reads, and it
// refuses page POST bodies larger than any form needs before Next buffers them.
import http from "node:http";
import next from "next";
import { CLIENT_HEADER, clientAddress, trustedHops } from "./client-address.mjs";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const portArg = args.indexOf("-p");
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const hops = trustedHops(process.env.TRUST_PROXY_HOPS);
// A page POST is a server action (a form): the largest, the report form, is a few kilobytes.
// API routes read their own bodies with their own limits (lib/http/request.ts).
const PAGE_BODY_LIMIT = 1024 * 1024;

process.env.NEXT_TELEMETRY_DISABLED = "1";
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

function tooLarge(req) {
  if (req.method === "GET" || req.method === "HEAD" || req.url?.startsWith("/api/")) return false;
  const declared = Number(req.headers["content-length"]);
  return Number.isFinite(declared) && declared > PAGE_BODY_LIMIT;
}

const server = http.createServer((req, res) => {
  req.headers[CLIENT_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  if (tooLarge(req)) {
    res.writeHead(413, { "content-type": "text/plain; charset=utf-8", connection: "close" }).end("413 Payload Too Large\n");
    req.destroy();
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
