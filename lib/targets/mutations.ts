// Changes to a tenant's targets, each audited under its own action: target.save, target.delete and
// target.copy (entries written before target.delete and target.copy existed say target.save, with the
// change in their detail: see lib/audit/describe.ts). A target's identity is its key: academic
// year, term, cohort and school (none = every school). The database cannot enforce that key's
// uniqueness (a null school never equals another null), so each change takes a per-tenant advisory
// lock for its transaction and checks the key inside it: two saves of the same key at the same moment
// update one row rather than create two.
import { recordAudit } from "@/lib/audit/record";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { NotFoundError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { CopyTargetsInput, DeleteTargetInput, SaveTargetInput } from "@/lib/schemas/target";

/** Namespace of the advisory locks of target writes (the second key is the tenant). */
const TARGET_LOCK = 74_201;

async function lockTargets(tx: Tx, tenantId: number) {
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${TARGET_LOCK}, $1::int)::text`, tenantId);
}

async function schoolOfTenant(tx: Tx, tenantId: number, schoolId: number | undefined) {
  if (schoolId === undefined) return null;
  // Another tenant's school is not found (row-level security and the where clause both say so).
  const school = await tx.school.findFirst({ where: { tenantId, id: schoolId }, select: { id: true, urn: true } });
  if (!school) throw new NotFoundError();
  return school;
}

type Key = { academicYear: number; term: SaveTargetInput["term"]; cohort: SaveTargetInput["cohort"]; schoolId: number | null };

function findByKey(tx: Tx, tenantId: number, k: Key) {
  return tx.target.findFirst({ where: { tenantId, academicYear: k.academicYear, term: k.term, cohort: k.cohort, schoolId: k.schoolId }, select: { id: true } });
}

export type TargetSaved = { id: number; created: boolean };

export async function saveTarget(input: SaveTargetInput, ctx: TenantContext, prisma?: PrismaClient): Promise<TargetSaved> {
  const tenantId = ctx.tenant.id;
  return withTenant(
    tenantId,
    async (tx) => {
      await lockTargets(tx, tenantId);
      const school = await schoolOfTenant(tx, tenantId, input.schoolId);
      const key: Key = { academicYear: input.academicYear, term: input.term, cohort: input.cohort, schoolId: school?.id ?? null };
      const values = { attendanceRate: input.attendanceRate, maxPersistentRate: input.maxPersistentRate ?? null, updatedBy: ctx.user.id };
      const existing = await findByKey(tx, tenantId, key);
      const saved = existing
        ? await tx.target.update({ where: { tenantId_id: { tenantId, id: existing.id } }, data: values, select: { id: true } })
        : await tx.target.create({ data: { tenantId, ...key, ...values }, select: { id: true } });
      await recordAudit(tx, {
        tenantId,
        actor: ctx.user.id,
        action: "target.save",
        subjectType: "target",
        subjectId: String(saved.id),
        detail: {
          change: existing ? "updated" : "created",
          academicYear: key.academicYear,
          term: key.term,
          cohort: key.cohort,
          school: school?.urn ?? null,
          attendanceRate: input.attendanceRate,
          maxPersistentRate: input.maxPersistentRate ?? null,
        },
      });
      return { id: saved.id, created: !existing };
    },
    { prisma },
  );
}

export async function deleteTarget(input: DeleteTargetInput, ctx: TenantContext, prisma?: PrismaClient): Promise<{ id: number }> {
  const tenantId = ctx.tenant.id;
  return withTenant(
    tenantId,
    async (tx) => {
      await lockTargets(tx, tenantId);
      const school = await schoolOfTenant(tx, tenantId, input.schoolId);
      const key: Key = { academicYear: input.academicYear, term: input.term, cohort: input.cohort, schoolId: school?.id ?? null };
      const existing = await findByKey(tx, tenantId, key);
      if (!existing) throw new NotFoundError("That target no longer exists.");
      await tx.target.delete({ where: { tenantId_id: { tenantId, id: existing.id } } });
      await recordAudit(tx, {
        tenantId,
        actor: ctx.user.id,
        action: "target.delete",
        subjectType: "target",
        subjectId: String(existing.id),
        detail: { academicYear: key.academicYear, term: key.term, cohort: key.cohort, school: school?.urn ?? null },
      });
      return { id: existing.id };
    },
    { prisma },
  );
}

export type TargetsCopied = { copied: number; skipped: number; fromYear: number };

/** Last year's targets into `academicYear`, same terms, cohorts and schools; keys already set are kept. */
export async function copyLastYearsTargets(input: CopyTargetsInput, ctx: TenantContext, prisma?: PrismaClient): Promise<TargetsCopied> {
  const tenantId = ctx.tenant.id;
  const fromYear = input.academicYear - 1;
  return withTenant(
    tenantId,
    async (tx) => {
      await lockTargets(tx, tenantId);
      const select = { term: true, cohort: true, schoolId: true, attendanceRate: true, maxPersistentRate: true } as const;
      const previous = await tx.target.findMany({ where: { tenantId, academicYear: fromYear }, select, orderBy: { id: "asc" } });
      const current = await tx.target.findMany({ where: { tenantId, academicYear: input.academicYear }, select });
      const keyOf = (t: { term: string; cohort: string; schoolId: number | null }) => `${t.term}|${t.cohort}|${t.schoolId ?? ""}`;
      const taken = new Set(current.map(keyOf));
      const toCopy = previous.filter((t) => {
        const k = keyOf(t);
        if (taken.has(k)) return false;
        taken.add(k);
        return true;
      });
      if (toCopy.length) {
        await tx.target.createMany({
          data: toCopy.map((t) => ({ tenantId, academicYear: input.academicYear, ...t, updatedBy: ctx.user.id })),
        });
      }
      const result = { copied: toCopy.length, skipped: previous.length - toCopy.length, fromYear };
      await recordAudit(tx, {
        tenantId,
        actor: ctx.user.id,
        action: "target.copy",
        subjectType: "target",
        subjectId: `year-${input.academicYear}`,
        detail: { fromYear, academicYear: input.academicYear, copied: result.copied, skipped: result.skipped },
      });
      return result;
    },
    { prisma },
  );
}
