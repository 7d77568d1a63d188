import { defineConfig } from "prisma/config";

// Prisma 7 reads its settings here. The client talks through driver adapters (lib/db/client.ts), and
// migrations run through Prisma's WebAssembly schema engine (lib/db/migrate), so no URL is needed here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
