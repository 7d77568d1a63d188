// tenant create --slug <slug> --name "<name>"
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { tenantCreateSchema } from "@/lib/schemas/tenant";
import { split, validate } from "./args";
import { CliError, EXIT, usageError } from "./errors";
import { TENANT_HELP } from "./help";

/** The tenant of a slug, or a CliError that says how to create it. Tenants are looked up before any tenant scope exists. */
export async function findTenant(prisma: PrismaClient, slug: string): Promise<{ id: number; slug: string; name: string }> {
  const tenant = await prisma.tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!tenant) {
    throw new CliError(`No tenant has the slug "${slug}". Create it first: npm run cli -- tenant create --slug ${slug} --name "<name>"`, EXIT.TENANT);
  }
  return tenant;
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

export async function tenantCommand(args: string[], prisma: () => PrismaClient, out: (line: string) => void): Promise<void> {
  const { positionals, values } = split(args, { slug: { type: "string" }, name: { type: "string" } });
  if (values.help) return out(TENANT_HELP);
  const [sub, ...extra] = positionals;
  if (sub !== "create") throw usageError(sub ? `Unknown tenant command "${sub}": the only one is "tenant create".` : 'Say what to do: "tenant create --slug <slug> --name <name>".');
  if (extra.length) throw usageError(`Unexpected argument "${extra[0]}". Put a name with spaces in quotes: --name "North Shire".`);
  const { slug, name } = validate(tenantCreateSchema, values);

  const db = prisma();
  const taken = `A tenant with the slug "${slug}" already exists. Choose another slug.`;
  if (await db.tenant.findUnique({ where: { slug }, select: { id: true } })) throw new CliError(taken, EXIT.TENANT);
  try {
    const tenant = await db.tenant.create({ data: { slug, name }, select: { id: true } });
    out(`Created tenant "${slug}" (${name}), id ${tenant.id}.`);
  } catch (e) {
    if (isUniqueViolation(e)) throw new CliError(taken, EXIT.TENANT); // created by someone else meanwhile
    throw e;
  }
}
