import type { TestDb } from "./test-db";

// Points the app's one database client (lib/db/client.ts db() and rawDb()) at a test database, so that
// the app's own code paths (session lookup, tenant resolution, withTenant) run unchanged against it, on
// PostgreSQL connected as the least-privileged role vs_app, as the web server is. This swaps the
// database, not any of the checks.
type Held = { prisma: TestDb["prisma"]; pglite?: TestDb["pglite"]; raw: TestDb["raw"] };
const holder = globalThis as unknown as { __vsDb?: Held };

export function useAsAppDb(t: TestDb): () => void {
  const previous = holder.__vsDb;
  holder.__vsDb = { prisma: t.app.prisma, pglite: t.pglite, raw: t.app.raw };
  return () => {
    holder.__vsDb = previous;
  };
}
