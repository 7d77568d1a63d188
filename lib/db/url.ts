import path from "node:path";

/** Where the data lives, parsed from DATABASE_URL (see README "Configuration"). */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null /* null = in memory */ }
  | { kind: "postgres"; url: string };

export const DEFAULT_DATABASE_URL = "pglite:./.data/pglite";

export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): DatabaseTarget {
  if (url === "pglite:memory" || url === "pglite:") return { kind: "pglite", dataDir: null };
  if (url.startsWith("pglite:")) return { kind: "pglite", dataDir: path.resolve(url.slice("pglite:".length)) };
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return { kind: "postgres", url };
  throw new Error(
    `DATABASE_URL must be pglite:<dir>, pglite:memory or postgresql://..., not "${url.split(":")[0]}:..."`,
  );
}
