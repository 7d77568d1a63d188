import { defineConfig } from "vitest/config";
import path from "node:path";

// Three projects: pure unit tests; integration tests on the embedded PGlite; and the same integration
// tests on PostgreSQL when TEST_DATABASE_URL is set (CI sets it).
// "server-only" throws unless resolved under the "react-server" condition, as Next does for server code;
// the tests import server modules directly, so they get its empty module (the app stays guarded).
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};
const integration = ["tests/integration/**/*.test.ts"];
// next-auth imports "next/server" without an extension, which Node's ESM loader cannot resolve outside
// Next: let Vite load it (the access-matrix tests run the app's real action and route wrappers).
const server = { deps: { inline: ["next-auth", "@auth/core"] } };

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration-pglite",
          server,
          include: integration,
          environment: "node",
          env: { TEST_DB: "pglite" },
          globalSetup: ["tests/integration/global-setup-pglite.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              resolve: { alias },
              test: {
                name: "integration-postgres",
                server,
                include: integration,
                environment: "node",
                env: { TEST_DB: "postgres" },
                globalSetup: ["tests/integration/global-setup-postgres.ts"],
                testTimeout: 60_000,
                hookTimeout: 120_000,
                // One database shared by the files: run them one at a time.
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
