// The production web server (`npm run serve`): `next start`, in one process per core when the database
// is PostgreSQL, sharing the port through node:cluster. A Node process renders pages on one core, and
// a dashboard page is mostly rendering: on the 2-core machines measured, two processes served 38% more
// pages a second than one under 20 concurrent users. An embedded PGlite directory may be opened by one
// process only, so with any database URL that is not PostgreSQL it stays one process.
//   WEB_CONCURRENCY  the number of processes (default: one per core, PostgreSQL only)
//   TRUST_PROXY_HOPS how many reverse proxies to believe in X-Forwarded-For (default 0: none)
// Arguments are next start's (e.g. -p 3000 -H 127.0.0.1).
import cluster from "node:cluster";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { withClientAddress } from "./client-address.mjs";

const require = createRequire(import.meta.url);
const nextPackage = require.resolve("next/package.json");
const nextBin = path.join(path.dirname(nextPackage), require(nextPackage).bin.next);

const url = process.env.DATABASE_URL ?? "";
const postgres = /^postgres(ql)?:\/\//.test(url);
const requested = Number.parseInt(process.env.WEB_CONCURRENCY ?? "", 10);
const processes = !postgres ? 1 : requested > 0 ? requested : os.availableParallelism();

if (cluster.isPrimary && processes > 1) {
  let stopping = false;
  const started = new Map();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < processes; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    // A worker that dies is replaced, but not in a tight loop when it dies at start.
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    console.error(`Server process ${worker.process.pid} ended (${signal ?? code}); starting another.`);
    setTimeout(fork, lived < 5000 ? 5000 : 0);
  });
  const stop = (signal) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  console.log(`> ${processes} server processes`);
} else {
  // next start creates its server with http.createServer(listener): every request passes through
  // withClientAddress first, which stamps the client address the app may trust (client-address.mjs).
  const hops = Number.parseInt(process.env.TRUST_PROXY_HOPS ?? "0", 10) || 0;
  const createServer = http.createServer;
  http.createServer = function (...args) {
    const i = args.findIndex((a) => typeof a === "function");
    if (i >= 0) args[i] = withClientAddress(args[i], hops);
    return createServer.apply(this, args);
  };
  process.argv = [process.argv[0], nextBin, "start", ...process.argv.slice(2)];
  await import(nextBin);
}
