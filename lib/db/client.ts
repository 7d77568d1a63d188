import { PrismaClient } from "@/lib/generated/prisma/client";
import type { PGlite } from "@electric-sql/pglite";
import { env } from "@/lib/env";
import { openAdapter } from "./adapter";
import { parseDatabaseUrl } from "./url";
import { pgliteRaw, postgresRaw, type RawDb } from "./raw";

// The one database client of the app and the command line. It is created on first use, not at import
// (next build imports server modules), and kept on globalThis so that dev-server reloads reuse it:
// a PGlite data directory must only ever be opened once per process.

type Held = { prisma: PrismaClient; pglite?: PGlite; raw: RawDb };
const holder = globalThis as unknown as { __vsDb?: Held };

export function createPrisma(url: string): Held {
  const target = parseDatabaseUrl(url);
  const { factory, pglite } = openAdapter(target);
  const raw = pglite ? pgliteRaw(pglite) : postgresRaw((target as { url: string }).url);
  return { prisma: new PrismaClient({ adapter: factory }), pglite, raw };
}

export function db(): PrismaClient {
  holder.__vsDb ??= createPrisma(env.DATABASE_URL);
  return holder.__vsDb.prisma;
}

/** Plain SQL on the same database as db(): for aggregation and bulk loads. */
export function rawDb(): RawDb {
  db();
  return holder.__vsDb!.raw;
}

export async function closeDb(): Promise<void> {
  const held = holder.__vsDb;
  holder.__vsDb = undefined;
  if (!held) return;
  await held.prisma.$disconnect();
  await held.raw.close();
  await held.pglite?.close();
}

export type Db = PrismaClient;
