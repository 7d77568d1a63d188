import type { HalfTermDates, IsoDate } from "@/lib/attendance";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { recordAuditRaw } from "@/lib/audit/record";
import { rawDb } from "@/lib/db/client";
import { withTenantRaw } from "@/lib/db/tenant";
import { selectCaseload, type CaseloadRow } from "./caseload";
import { selectCaseloadRows, type CaseloadQuery } from "./caseload-query";
import { childScope } from "./scope";

// The caseload page as one member sees it: the rows of their search, one page of them. A page that names
// children is audited like a child's record, in the transaction that reads it: how many it named and
// the filters, never a name, and never the search text (people search by name).

export const CASELOAD_PAGE_SIZE = 50;

export type CaseloadPage = {
  /** The children of this page, the only ones the page names. */
  shown: CaseloadRow[];
  /** How many children match the search and flag, over every page. */
  matched: number;
  page: number;
  pages: number;
  termFrom: IsoDate;
};

export async function loadCaseloadPage(
  ctx: Pick<TenantContext, "tenant" | "user" | "role" | "teamIds">,
  query: CaseloadQuery,
  asOf: IsoDate,
  halfTerms: readonly HalfTermDates[],
): Promise<CaseloadPage> {
  const tenantId = ctx.tenant.id;
  return withTenantRaw(rawDb(), tenantId, async (tx) => {
    const caseload = await selectCaseload(tx, tenantId, childScope(ctx), asOf, halfTerms);
    const rows = selectCaseloadRows(caseload.rows, query);
    const pages = Math.max(1, Math.ceil(rows.length / CASELOAD_PAGE_SIZE));
    const page = Math.min(query.page, pages);
    const shown = rows.slice((page - 1) * CASELOAD_PAGE_SIZE, page * CASELOAD_PAGE_SIZE);
    if (shown.length > 0) {
      await recordAuditRaw(tx, {
        tenantId,
        actor: ctx.user.id,
        action: "children.list",
        detail: { view: "caseload", children: shown.length, matched: rows.length, page, flag: query.flag, search: Boolean(query.q?.trim()) },
      });
    }
    return { shown, matched: rows.length, page, pages, termFrom: caseload.termFrom };
  });
}
