import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PGliteAdapterFactory } from "@/lib/db/adapter";
import { appDatabaseTarget } from "@/lib/db/url";
import { pgliteRaw, postgresRaw, type RawDb } from "@/lib/db/raw";

// A fresh, migrated database for one test file: an in-memory PGlite loaded from the template that
// global-setup.ts migrated, or (TEST_DB=postgres) a new PostgreSQL database copied from the migrated
// template database. Nothing is mocked: the tests run the real SQL.

export const TEMPLATE_TARBALL = path.resolve(".data/test/pglite-template.tar.gz");
export const PG_TEMPLATE_DB = "vs_test_template";

export type TestDb = {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** Plain SQL on the same database. */
  raw: RawDb;
  /** A DATABASE_URL for child processes (postgres only; PGlite databases live in this process). */
  url?: string;
  /**
   * The running app's connection (useAsAppDb): on PostgreSQL a real login as the least-privileged role
   * vs_app, as the web server connects; on PGlite (one session) the same connection as prisma/raw.
   */
  app: { prisma: PrismaClient; raw: RawDb };
  pglite?: PGlite;
  close(): Promise<void>;
};

export function testDbKind(): "pglite" | "postgres" {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

export function serverUrl(database: string): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Opens a PGlite loaded from the migrated template; in a directory when one is given. */
export async function loadTemplatePglite(dataDir?: string): Promise<PGlite> {
  const blob = new Blob([fs.readFileSync(TEMPLATE_TARBALL)]);
  const db = dataDir ? new PGlite(dataDir, { loadDataDir: blob }) : new PGlite({ loadDataDir: blob });
  await db.waitReady;
  return db;
}

export async function createTestDb(): Promise<TestDb> {
  if (testDbKind() === "pglite") {
    const pglite = await loadTemplatePglite();
    const prisma = new PrismaClient({ adapter: new PGliteAdapterFactory(pglite) });
    const raw = pgliteRaw(pglite);
    return {
      kind: "pglite",
      prisma,
      raw,
      app: { prisma, raw },
      pglite,
      close: async () => {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  const name = `vs_test_${crypto.randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
  const url = serverUrl(name);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const raw = postgresRaw(url);
  const appUrl = (appDatabaseTarget(url) as { url: string }).url;
  const app = { prisma: new PrismaClient({ adapter: new PrismaPg({ connectionString: appUrl }) }), raw: postgresRaw(appUrl) };
  return {
    kind: "postgres",
    prisma,
    raw,
    url,
    app,
    close: async () => {
      await app.prisma.$disconnect();
      await app.raw.close();
      await prisma.$disconnect();
      await raw.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
