import { closeDb, connectAsOwner, db, rawDb } from "@/lib/db/client";
import { SEED_TENANTS, seedTenant } from "./demo";

// npm run db:seed               -> writes the demo tenants, "demo" then "northshire" (fails if one exists)
// npm run db:seed -- --if-empty -> writes each of them only when the database does not have it yet
async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  connectAsOwner(); // the seed writes accounts and tenants, which the app's role may not
  const prisma = db();
  for (const tenant of SEED_TENANTS) {
    if (await prisma.tenant.findUnique({ where: { slug: tenant.slug } })) {
      if (ifEmpty) {
        console.log(`Demo tenant "${tenant.slug}" is already there: nothing to seed.`);
        continue;
      }
      throw new Error(`Tenant "${tenant.slug}" exists already. Seed an empty database, or use --if-empty.`);
    }
    const started = Date.now();
    const out = await seedTenant(prisma, rawDb(), tenant);
    console.log(`Seeded "${tenant.slug}": ${out.children} children, ${out.marks} register marks in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}

main()
  .then(() => closeDb())
  .then(
    () => process.exit(0),
    async (e) => {
      console.error(`Seeding failed: ${e instanceof Error ? e.message : String(e)}`);
      await closeDb().catch(() => {});
      process.exit(1);
    },
  );
