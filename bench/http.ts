import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { CONFIG, VSH_EMAIL } from "./config";
import { summarise } from "./timing";

// The signed-in dashboard page under load: a production build (`next build`, then `npm run serve` in a
// process group of its own, killed afterwards) on the bench database, a session from the real sign-in
// (Auth.js credentials callback with its CSRF token), then autocannon with 20 connections for 30 s.
// The build is made in a copy of the project (node_modules hard-linked), so a server or a build in the
// working tree is left alone; the copy is rebuilt only when the sources changed.

const ROOT = path.resolve(import.meta.dirname, "..");
const ENTRIES = ["app", "components", "lib", "prisma", "public", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json", "prisma.config.ts"];

function hashTree(dir: string, h = crypto.createHash("sha256")): crypto.Hash {
  const st = fs.statSync(dir);
  if (st.isFile()) return h.update(dir).update(fs.readFileSync(dir));
  for (const name of fs.readdirSync(dir).sort()) hashTree(path.join(dir, name), h);
  return h;
}

/** The production build in CONFIG.workDir/app; returns its directory. */
export function buildApp(log: (s: string) => void): string {
  const appDir = path.join(CONFIG.workDir, "app");
  const h = crypto.createHash("sha256");
  for (const e of ENTRIES) if (fs.existsSync(path.join(ROOT, e))) hashTree(path.join(ROOT, e), h);
  const hash = h.digest("hex");
  const stamp = path.join(appDir, ".bench-build");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) {
    log("  production build: up to date");
    return appDir;
  }
  fs.rmSync(appDir, { recursive: true, force: true });
  fs.mkdirSync(appDir, { recursive: true });
  for (const e of ENTRIES) if (fs.existsSync(path.join(ROOT, e))) fs.cpSync(path.join(ROOT, e), path.join(appDir, e), { recursive: true });
  const link = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(appDir, "node_modules")], { stdio: "inherit" });
  if (link.status !== 0) fs.cpSync(path.join(ROOT, "node_modules"), path.join(appDir, "node_modules"), { recursive: true });
  const t0 = performance.now();
  const build = spawnSync("npx", ["next", "build"], { cwd: appDir, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  fs.writeFileSync(stamp, hash);
  log(`  production build: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return appDir;
}

async function waitFor(url: string, server: ChildProcess, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      const r = await fetch(url, { redirect: "manual" });
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

const cookiesOf = (r: Response) => r.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Signs in through Auth.js's credentials callback; returns the Cookie header of the session. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  const session = cookiesOf(r).filter((c) => c.includes("session-token"));
  if (session.length === 0) throw new Error(`Sign-in failed: HTTP ${r.status} ${r.headers.get("location")}`);
  return [...jar, ...session].join("; ");
}

function load(url: string, cookie: string, seconds: number) {
  const latencies: number[] = [];
  return new Promise<{ requests: number; errors: number; non2xx: number; latencies: number[] }>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONFIG.http.connections, duration: seconds, headers: { cookie } }, (err, result) => {
      if (err) return reject(err);
      resolve({ requests: result.requests.total, errors: result.errors + result.timeouts, non2xx: result.non2xx, latencies });
    });
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
}

export async function runHttp(url: string, slug: string, log: (s: string) => void) {
  const appDir = buildApp(log);
  const base = `http://127.0.0.1:${CONFIG.http.port}`;
  // The production server command (package.json "serve": next start with the server's Node options).
  const server = spawn("npm", ["run", "serve"], {
    cwd: appDir,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(CONFIG.http.port), DATABASE_URL: url, AUTH_SECRET: crypto.randomBytes(32).toString("hex") },
  });
  try {
    await waitFor(`${base}/sign-in`, server, 120);
    const cookie = await signIn(base, VSH_EMAIL, CONFIG.password);
    const page = `${base}/${slug}`;
    const first = await fetch(page, { headers: { cookie }, redirect: "manual" });
    const html = await first.text();
    if (first.status !== 200 || !html.includes("Cohort dashboard")) throw new Error(`The dashboard did not render: HTTP ${first.status}`);
    log(`  signed in; the dashboard page is ${Math.round(html.length / 1024)} KB`);
    await load(page, cookie, 5); // warm-up
    const r = await load(page, cookie, CONFIG.http.seconds);
    const t = summarise(r.latencies);
    return { connections: CONFIG.http.connections, seconds: CONFIG.http.seconds, requests: r.requests, p50Ms: t.p50Ms, p95Ms: t.p95Ms, errors: r.errors + r.non2xx };
  } finally {
    if (server.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
        await new Promise((r) => setTimeout(r, 1000));
        process.kill(-server.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}
