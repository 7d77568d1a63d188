import { toIso, type IsoDate } from "@/lib/attendance";
import { recordAuditRaw } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { rawDb } from "@/lib/db/client";
import { withTenantRaw } from "@/lib/db/tenant";
import type { Filters } from "@/lib/filters/filters";
import { dashboardPageData, type DashboardPageData } from "./cache";
import { childrenNamed } from "./flagged";

// The cohort dashboard as one member sees it: the tenant's figures (shared, from memory while the data
// has not changed) and whether its lists of children show names to this member.

export type DashboardView = DashboardPageData & { showNames: boolean };

/**
 * The dashboard of these filters for this member. When its lists name children, the view is audited
 * before the page can show them: at every view, since the figures may come from memory and read
 * nothing, so the entry is its own one-statement transaction rather than part of the read.
 */
export async function viewDashboard(ctx: Pick<TenantContext, "tenant" | "user" | "role">, f: Filters, today: IsoDate = toIso(new Date())): Promise<DashboardView> {
  const tenantId = ctx.tenant.id;
  const data = await dashboardPageData(tenantId, f, today);
  const showNames = can(ctx.role, "children.view");
  const named = showNames ? childrenNamed(data.dashboard) : 0;
  if (named > 0) {
    const { window } = data.dashboard;
    await withTenantRaw(rawDb(), tenantId, (tx) =>
      recordAuditRaw(tx, {
        tenantId,
        actor: ctx.user.id,
        action: "children.list",
        detail: { view: "dashboard", children: named, cohort: f.cohort, window: f.window, from: window.from, to: window.to, attribution: f.attribution, school: f.school ?? null, year: f.year ?? null },
      }),
    );
  }
  return { ...data, showNames };
}
