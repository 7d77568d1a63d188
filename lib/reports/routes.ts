import type { TenantContext } from "@/lib/auth/tenant-context";
import { recordAudit } from "@/lib/audit/record";
import { rawDb } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors";
import { buildReport } from "@/lib/reports";
import { reportWindowSchema } from "@/lib/schemas/report";
// GET /<tenant>/api/report?from=YYYY-MM-DD&to=YYYY-MM-DD[&attribution=ever|during]
// The report JSON of the data contract (the same as `npm run cli -- report --json`), for the tenant's
// own analysts (e.g. a Power BI web source). Not suppressed, so virtual school heads only; audited.

export async function reportJson(request: Request, ctx: TenantContext): Promise<Response> {
  const url = new URL(request.url);
  const parsed = reportWindowSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(`${String(issue?.path[0] ?? "input")} ${issue?.message ?? "is not valid"}`);
  }
  const { from, to, attribution } = parsed.data;
  if (from > to) throw new AppError("from must not be after to");
  const report = await buildReport({ raw: rawDb(), tenantId: ctx.tenant.id, tenantSlug: ctx.tenant.slug, from, to, attribution });
  await withTenant(ctx.tenant.id, (tx) =>
    recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user.id, action: "export.json", subjectType: "report", detail: { from, to, attribution, children: report.children.length } }),
  );
  return Response.json(report, { headers: { "Cache-Control": "no-store" } });
}

// Route handlers as [capability, handler]: route.ts wraps each with tenantRoute(...), and the
// access-matrix tests run the very same pair through runTenantRoute.
export const REPORT_ROUTES = {
  json: ["report.json", reportJson],
} as const;
