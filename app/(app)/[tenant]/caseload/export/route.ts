import { tenantRoute } from "@/lib/auth/route";
import { CHILDREN_ROUTES } from "@/lib/children/routes";

export const dynamic = "force-dynamic";

export const GET = tenantRoute(...CHILDREN_ROUTES.exportCaseload);
