import { tenantRoute } from "@/lib/auth/route";
import { AUDIT_ROUTES } from "@/lib/audit/export";

export const dynamic = "force-dynamic";

// The audit log as CSV, with the page's filters; the export is itself audited (audit.export).
export const GET = tenantRoute(...AUDIT_ROUTES.exportCsv);
