// The production server: Next.js behind a plain Node HTTP server that records each request's
// socket address, so sign-in throttling and the first-run check see who really connected
// (a client can write any X-Forwarded-For; lib/auth/client-ip.ts decides when to trust it).
import http from "node:http";
import next from "next";
import { root } from "./lib.mjs";

const PEER_HEADER = "x-mailroom-peer";
const port = Number(process.env.PORT || 3000);
// Unset: every interface, as `next start` does.
const host = process.env.HOST || undefined;

const app = next({ dev: false, dir: root, port, hostname: host ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  handle(req, res);
});
server.listen(port, host, () => {
  const { address } = server.address();
  const shown = address === "::" || address === "0.0.0.0" ? "every address" : address;
  console.log(`Mailroom is listening on ${shown}, port ${port}: open ${process.env.NEXTAUTH_URL ?? `http://localhost:${port}`}`);
});
// Like `next start`: a stop signal ends the process at once (the outbox marks cut-off sends).
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
