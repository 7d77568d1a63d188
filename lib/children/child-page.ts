import { academicYearOf } from "@/lib/attendance";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { dataAsOf, tenantHalfTerms } from "@/lib/tenants/calendar";
import { decodeSegment } from "@/lib/url-params";
import { loadChildRecord, type ChildRecord } from "./child-record";
import { childScope } from "./scope";

// The child page's data from its URL (/<tenant>/children/<childRef>?year=): null when the URL names no
// child this member may see, including a child id that cannot be decoded.

/** Academic years before this one that the page offers. */
const YEARS_BACK = 5;

export async function loadChildPage(ctx: TenantContext, childRefParam: string, yearParam: string | undefined): Promise<{ record: ChildRecord; thisYear: number } | null> {
  const childRef = decodeSegment(childRefParam);
  if (childRef === null) return null;
  const [{ asOf }, halfTerms] = await Promise.all([dataAsOf(ctx.tenant.id), tenantHalfTerms(ctx.tenant.id)]);
  const thisYear = academicYearOf(asOf);
  const requested = Number(yearParam);
  const year = Number.isInteger(requested) && requested >= thisYear - YEARS_BACK && requested <= thisYear ? requested : thisYear;
  const record = await loadChildRecord(ctx.tenant.id, ctx.user.id, childScope(ctx), childRef, asOf, halfTerms, year);
  return record ? { record, thisYear } : null;
}
