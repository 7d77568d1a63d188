import { PrismaClient } from "@/lib/generated/prisma/client";
import type { PGlite } from "@electric-sql/pglite";
import { env } from "@/lib/env";
import { openAdapter } from "./adapter";
import { appDatabaseTarget, parseDatabaseUrl, type DatabaseTarget } from "./url";
import { pgliteRaw, postgresRaw, type RawDb } from "./raw";

// The one database client of the app and the command line. It is created on first use, not at import
// (next build imports server modules), and kept on globalThis so that dev-server reloads reuse it:
// a PGlite data directory must only ever be opened once per process.
//
// Who connects: the web server as the least-privileged role vs_app (appDatabaseTarget), which is not a
// superuser, owns no table and cannot bypass row-level security; the command line and the seed as
// the schema's owner (DATABASE_URL), after calling connectAsOwner().

type Held = { prisma: PrismaClient; pglite?: PGlite; raw: RawDb };
const holder = globalThis as unknown as { __vsDb?: Held; __vsDbOwner?: boolean };

export function createPrisma(url: string | DatabaseTarget): Held {
  const target = typeof url === "string" ? parseDatabaseUrl(url) : url;
  const { factory, pglite } = openAdapter(target);
  const raw = pglite ? pgliteRaw(pglite) : postgresRaw((target as { url: string }).url);
  return { prisma: new PrismaClient({ adapter: factory }), pglite, raw };
}

/** For the command line and the seed: connect as DATABASE_URL's owner. Call before the first db(). */
export function connectAsOwner(): void {
  if (holder.__vsDb && !holder.__vsDbOwner) throw new Error("connectAsOwner() must come before the first query");
  holder.__vsDbOwner = true;
}

function held(): Held {
  holder.__vsDb ??= createPrisma(holder.__vsDbOwner ? env.DATABASE_URL : appDatabaseTarget(env.DATABASE_URL, env.APP_DATABASE_URL));
  return holder.__vsDb;
}

export function db(): PrismaClient {
  return held().prisma;
}

/** Plain SQL on the same database as db(): for aggregation and bulk loads. */
export function rawDb(): RawDb {
  return held().raw;
}

export async function closeDb(): Promise<void> {
  const h = holder.__vsDb;
  holder.__vsDb = undefined;
  if (!h) return;
  await h.prisma.$disconnect();
  await h.raw.close();
  await h.pglite?.close();
}

export type Db = PrismaClient;
