import { tenantRoute } from "@/lib/auth/route";
import { IMPORT_ROUTES } from "@/lib/imports/routes";

export const dynamic = "force-dynamic";

export const GET = tenantRoute(...IMPORT_ROUTES.rejectedRows);
