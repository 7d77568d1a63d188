// One import in a process of its own, so that a test can kill it half-way (kill -9) and check that the
// database is as it was. Prints "progress <rows>" as rows are read, and the result as JSON at the end.
//   npx tsx tests/helpers/import-child.ts <DATABASE_URL> <tenantId> <kind> <file> <batchSize>
import path from "node:path";
import { createPrisma } from "@/lib/db/client";
import { runImport, type ImportKind } from "@/lib/import";

const [url, tenantId, kind, file, batchSize] = process.argv.slice(2);
const { prisma, raw } = createPrisma(url!);
const result = await runImport({
  prisma,
  raw,
  tenantId: Number(tenantId),
  kind: kind as ImportKind,
  input: file!,
  fileName: path.basename(file!),
  actor: "cli",
  batchSize: Number(batchSize),
  onProgress: (rows) => process.stdout.write(`progress ${rows}\n`),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
