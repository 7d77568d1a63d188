// Reading a tenant's termly targets. Every query runs inside withTenant and names the tenant.
import { TERM_NAMES, type CohortKey, type TermName } from "@/lib/attendance";
import { withTenant } from "@/lib/db/tenant";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TargetRow = {
  id: number;
  academicYear: number;
  term: TermName;
  cohort: CohortKey;
  /** null = every school */
  school: { id: number; urn: string; name: string | null } | null;
  /** Percent, e.g. 92.5 */
  attendanceRate: number;
  /** Percent, or null when no maximum is set */
  maxPersistentRate: number | null;
  updatedAt: Date;
};

export type SchoolOption = { id: number; urn: string; name: string | null };

const COHORT_ORDER: CohortKey[] = ["ALL", "CIN", "CP", "CLA", "PLAC", "KIN"];

/** The targets of an academic year, by term, cohort, then all schools first and schools by name. */
export async function listTargets(tenantId: number, academicYear: number, prisma?: PrismaClient): Promise<TargetRow[]> {
  const rows = await withTenant(
    tenantId,
    (tx) =>
      tx.target.findMany({
        where: { tenantId, academicYear },
        select: {
          id: true,
          academicYear: true,
          term: true,
          cohort: true,
          attendanceRate: true,
          maxPersistentRate: true,
          updatedAt: true,
          school: { select: { id: true, urn: true, name: true } },
        },
      }),
    { prisma },
  );
  return rows
    .map((r) => ({
      id: r.id,
      academicYear: r.academicYear,
      term: r.term,
      cohort: r.cohort,
      school: r.school,
      attendanceRate: Number(r.attendanceRate.toString()),
      maxPersistentRate: r.maxPersistentRate === null ? null : Number(r.maxPersistentRate.toString()),
      updatedAt: r.updatedAt,
    }))
    .sort(
      (a, b) =>
        TERM_NAMES.indexOf(a.term) - TERM_NAMES.indexOf(b.term) ||
        COHORT_ORDER.indexOf(a.cohort) - COHORT_ORDER.indexOf(b.cohort) ||
        (a.school ? 1 : 0) - (b.school ? 1 : 0) ||
        (a.school?.name ?? a.school?.urn ?? "").localeCompare(b.school?.name ?? b.school?.urn ?? ""),
    );
}

/** The academic years that have targets, newest first. */
export async function targetYears(tenantId: number, prisma?: PrismaClient): Promise<number[]> {
  const rows = await withTenant(
    tenantId,
    (tx) => tx.target.findMany({ where: { tenantId }, distinct: ["academicYear"], select: { academicYear: true }, orderBy: { academicYear: "desc" } }),
    { prisma },
  );
  return rows.map((r) => r.academicYear);
}

/** The tenant's schools, for choosing a school-level target. */
export async function schoolOptions(tenantId: number, prisma?: PrismaClient): Promise<SchoolOption[]> {
  const rows = await withTenant(tenantId, (tx) => tx.school.findMany({ where: { tenantId }, select: { id: true, urn: true, name: true } }), { prisma });
  return rows.sort((a, b) => (a.name ?? a.urn).localeCompare(b.name ?? b.urn));
}
