import type { TenantContext } from "@/lib/auth/tenant-context";
import { loadCaseload } from "@/lib/children/caseload";
import { caseloadQuerySchema, caseloadTable, selectCaseloadRows } from "@/lib/children/caseload-query";
import { childScope } from "@/lib/children/scope";
import { exportFormatOf, sendExport } from "@/lib/export";
import { dataAsOf, tenantHalfTerms } from "@/lib/tenants/calendar";
/** GET /<tenant>/caseload/export?format=csv|xlsx&<the caseload's query>: the rows on screen, every page. */

export async function exportCaseload(request: Request, ctx: TenantContext): Promise<Response> {
  const format = exportFormatOf(request);
  const q = caseloadQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ asOf }, halfTerms] = await Promise.all([dataAsOf(ctx.tenant.id), tenantHalfTerms(ctx.tenant.id)]);
  const caseload = await loadCaseload(ctx.tenant.id, childScope(ctx), asOf, halfTerms);
  const table = caseloadTable(selectCaseloadRows(caseload.rows, q));
  return sendExport({ ctx, table, format, tableId: "caseload", filename: `${ctx.tenant.slug}-caseload-${asOf}`, from: caseload.yearFrom, to: asOf });
}

// Route handlers as [capability, handler]: route.ts wraps each with tenantRoute(...), and the
// access-matrix tests run the very same pair through runTenantRoute.
export const CHILDREN_ROUTES = {
  exportCaseload: ["children.export", exportCaseload],
} as const;
