import type { Capability } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { AUDIT_ROUTES } from "@/lib/audit/export";
import { GAP_ROUTES } from "@/lib/gaps/routes";
import { REPORT_ROUTES } from "@/lib/reports/routes";
import { CHILDREN_ROUTES } from "@/lib/children/routes";
import { DASHBOARD_ROUTES } from "@/lib/dashboard/routes";
import type { AuditAction } from "@/lib/audit/record";

// Every route handler under app/(app), as the [capability, handler] pair its route.ts passes to
// tenantRoute(...). A meta-test (tests/integration/access-meta.test.ts) reads each route.ts and fails
// when an exported method has no row here, or when its row names a different definition.

export type RouteDef = readonly [Capability, (request: Request, ctx: TenantContext) => Promise<Response>];

export type RouteRow = {
  file: string;
  method: "GET" | "POST";
  /** The permission the handler must demand. */
  capability: Capability;
  /** How route.ts spells the definition: `tenantRoute(...${defName})`. */
  defName: string;
  def: RouteDef;
  /** Path and query under the tenant, e.g. "/audit/export?action=auth.signin". */
  path: (t: { childRef: string }) => string;
  /** The audit entry a successful call writes. */
  audit: AuditAction;
};

export const ROUTE_ROWS: RouteRow[] = [
  { file: "app/(app)/[tenant]/audit/export/route.ts", method: "GET", capability: "audit.view", defName: "AUDIT_ROUTES.exportCsv", def: AUDIT_ROUTES.exportCsv, path: () => "/audit/export?action=auth.signin", audit: "audit.export" },
  { file: "app/(app)/[tenant]/api/report/route.ts", method: "GET", capability: "report.json", defName: "REPORT_ROUTES.json", def: REPORT_ROUTES.json, path: () => "/api/report?from=2025-09-01&to=2026-07-31", audit: "export.json" },
  { file: "app/(app)/[tenant]/caseload/export/route.ts", method: "GET", capability: "children.export", defName: "CHILDREN_ROUTES.exportCaseload", def: CHILDREN_ROUTES.exportCaseload, path: () => "/caseload/export?format=csv", audit: "export.csv" },
  { file: "app/(app)/[tenant]/export/route.ts", method: "GET", capability: "dashboard.view", defName: "DASHBOARD_ROUTES.export", def: DASHBOARD_ROUTES.export, path: () => "/export?format=csv&table=cohorts&window=year-to-date", audit: "export.csv" },
  { file: "app/(app)/[tenant]/gaps/export/route.ts", method: "GET", capability: "gaps.export", defName: "GAP_ROUTES.export", def: GAP_ROUTES.export, path: () => "/gaps/export?format=csv&window=year-to-date", audit: "export.csv" },
];

/**
 * Route handlers whose allow/deny matrix lives in another test, because they need a request body or a
 * record this fixture does not make; each names the test that covers it as every role and as another
 * tenant. (The meta-test checks the named test file exists.)
 */
export const ROUTES_TESTED_ELSEWHERE: Record<string, string> = {
  "app/(app)/[tenant]/imports/upload/route.ts": "tests/e2e/imports.spec.ts",
  "app/(app)/[tenant]/imports/[id]/rejected/route.ts": "tests/e2e/imports.spec.ts",
};

/** Route handlers outside the tenant wrapper, and why. */
export const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "Auth.js's own sign-in, callback and sign-out endpoints",
};
