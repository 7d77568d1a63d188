import { tenantRoute } from "@/lib/auth/route";
import { GAP_ROUTES } from "@/lib/gaps/routes";

export const dynamic = "force-dynamic";

// The gap report as CSV or Excel (?format=csv|xlsx and the page's filters), suppressed like the page.
export const GET = tenantRoute(...GAP_ROUTES.export);
