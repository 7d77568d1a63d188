import { tenantRoute } from "@/lib/auth/route";
import { REPORT_ROUTES } from "@/lib/reports/routes";

export const dynamic = "force-dynamic";

export const GET = tenantRoute(...REPORT_ROUTES.json);
