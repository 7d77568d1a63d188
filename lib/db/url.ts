import path from "node:path";

/** Where the data lives, parsed from DATABASE_URL (see README "Configuration"). */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null /* null = in memory */; user?: string }
  | { kind: "postgres"; url: string };

export const DEFAULT_DATABASE_URL = "pglite:./.data/pglite";

/** The least-privileged role the running app connects as (prisma/migrations/*_least_privilege). */
export const APP_ROLE = "vs_app";

export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url === "pglite:memory" || url === "pglite:") return { kind: "pglite", dataDir: null };
  if (url.startsWith("pglite:")) return { kind: "pglite", dataDir: path.resolve(url.slice("pglite:".length)) };
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return { kind: "postgres", url };
  throw new Error(
    `DATABASE_URL must be pglite:<dir>, pglite:memory or postgresql://..., not "${url.split(":")[0]}:..."`,
  );
}

/**
 * The running app's database: APP_DATABASE_URL when set, else the owner's DATABASE_URL with the user
 * vs_app and no password (PostgreSQL: enough where the server trusts local connections; elsewhere set
 * APP_DATABASE_URL with the password given to vs_app), or the same PGlite directory opened as vs_app.
 */
export function appDatabaseTarget(ownerUrl: string, appUrl?: string): DatabaseTarget {
  if (appUrl) return parseDatabaseUrl(appUrl);
  const owner = parseDatabaseUrl(ownerUrl);
  if (owner.kind === "pglite") return { ...owner, user: APP_ROLE };
  const u = new URL(owner.url);
  u.username = APP_ROLE;
  u.password = "";
  return { kind: "postgres", url: u.toString() };
}
