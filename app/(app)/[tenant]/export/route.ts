import { tenantRoute } from "@/lib/auth/route";
import { DASHBOARD_ROUTES } from "@/lib/dashboard/routes";

export const dynamic = "force-dynamic";

export const GET = tenantRoute(...DASHBOARD_ROUTES.export);
