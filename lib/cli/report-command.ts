// report --tenant <slug> --from YYYY-MM-DD --to YYYY-MM-DD [--attribution ever|during] [--json]
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RawDb } from "@/lib/db/raw";
import { buildReport } from "@/lib/reports";
import { reportWindowSchema } from "@/lib/schemas/report";
import { tenantSlugSchema } from "@/lib/schemas/tenant";
import { split, validate } from "./args";
import { usageError } from "./errors";
import { REPORT_HELP } from "./help";
import { formatReport } from "./report-table";
import { findTenant } from "./tenant-command";

const reportSchema = reportWindowSchema.extend({ tenant: tenantSlugSchema, json: z.boolean().default(false) });

export async function reportCommand(
  args: string[],
  database: () => { prisma: PrismaClient; raw: RawDb },
  out: (text: string) => void,
): Promise<void> {
  const { positionals, values } = split(args, {
    tenant: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    attribution: { type: "string" },
    json: { type: "boolean" },
  });
  if (values.help) return out(REPORT_HELP);
  if (positionals.length) throw usageError(`Unexpected argument "${positionals[0]}".`);
  const a = validate(reportSchema, values);
  if (a.from > a.to) throw usageError(`--from ${a.from} is after --to ${a.to}: the window would hold no day.`);
  const { prisma, raw } = database();
  const tenant = await findTenant(prisma, a.tenant);
  const report = await buildReport({ raw, tenantId: tenant.id, tenantSlug: tenant.slug, from: a.from, to: a.to, attribution: a.attribution });
  out(a.json ? JSON.stringify(report, null, 2) : formatReport(report));
}
