import type { TenantContext } from "@/lib/auth/tenant-context";
import { z } from "zod";
import { loadCohortDashboard } from "@/lib/dashboard/cohort-dashboard";
import { DASHBOARD_TABLES, dashboardTable } from "@/lib/dashboard/export-tables";
import { AppError } from "@/lib/errors";
import { exportFormatOf, sendExport } from "@/lib/export";
import { parseFilters } from "@/lib/filters/filters";
import { dataAsOf, tenantHalfTerms } from "@/lib/tenants/calendar";
const tableSchema = z.enum(DASHBOARD_TABLES);

/** GET /<tenant>/export?table=cohorts|schools|years&format=csv|xlsx&<the dashboard's filters> */

export async function exportDashboardTable(request: Request, ctx: TenantContext): Promise<Response> {
  const format = exportFormatOf(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const table = tableSchema.safeParse(params.table);
  if (!table.success) throw new AppError("Choose a table: cohorts, schools or years.");
  const filters = parseFilters(params);
  const [{ asOf, latestMark }, halfTerms] = await Promise.all([dataAsOf(ctx.tenant.id), tenantHalfTerms(ctx.tenant.id)]);
  const d = await loadCohortDashboard(ctx.tenant.id, filters, asOf, latestMark, halfTerms);
  return sendExport({
    ctx,
    table: dashboardTable(d, table.data, ctx.tenant.suppressionThreshold),
    format,
    tableId: `dashboard-${table.data}`,
    filename: `${ctx.tenant.slug}-${table.data}-${d.window.from}-${d.window.to}`,
    from: d.window.from,
    to: d.window.to,
  });
}

// Route handlers as [capability, handler]: route.ts wraps each with tenantRoute(...), and the
// access-matrix tests run the very same pair through runTenantRoute.
export const DASHBOARD_ROUTES = {
  export: ["dashboard.view", exportDashboardTable],
} as const;
