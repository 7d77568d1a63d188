import type { TenantContext } from "@/lib/auth/tenant-context";
import { rawDb } from "@/lib/db/client";
import { exportFormatOf, sendExport } from "@/lib/export";
import { gapExportTable } from "./export-table";
import { gapReport } from "./report";
import { gapWindow, searchParamsRecord } from "./window";

/**
 * The gap report as CSV or Excel, for the window and attribution in the query: the same figures and
 * the same suppression as the page. Audited (export.csv / export.xlsx) before the file is sent.
 */
export async function exportGaps(request: Request, ctx: TenantContext): Promise<Response> {
  const format = exportFormatOf(request);
  const gw = await gapWindow(ctx.tenant.id, searchParamsRecord(request.url));
  const { from, to } = gw.window;
  const table = await gapReport({ raw: rawDb(), tenant: ctx.tenant, from, to, attribution: gw.filters.attribution });
  return sendExport({
    ctx,
    table: gapExportTable(table, { from, to, label: gw.label }),
    format,
    tableId: "gaps",
    filename: `gap-report-${ctx.tenant.slug}-${from}-to-${to}-${gw.filters.attribution}`,
    from,
    to,
  });
}

// Route handlers as [capability, handler]: route.ts wraps each with tenantRoute(...), and the
// access-matrix tests run the very same pair through runTenantRoute.
export const GAP_ROUTES = {
  export: ["gaps.export", exportGaps],
} as const;
