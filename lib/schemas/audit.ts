import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/record";

// The audit log's filters, read from the URL (page and CSV export share them). A value that does not
// parse is dropped rather than refused: a hand-edited URL shows an unfiltered log, never an error.

const isoDay = z.iso.date();
const optional = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);
const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const auditFilterSchema = z
  .object({
    /** A user id, or "cli" for the command line. */
    user: optional(z.union([z.uuid(), z.literal("cli")])),
    /** The authority's own child id (Child.childRef). */
    child: optional(trimmed(64)),
    action: optional(z.enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]])),
    /** Inclusive days, in UK time. */
    from: optional(isoDay),
    to: optional(isoDay),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  })
  .transform((f) => (f.from && f.to && f.from > f.to ? { ...f, from: f.to, to: f.from } : f));

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The filters from a page's searchParams or a request's URL; repeated keys take their first value. */
export function parseAuditFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): AuditFilter {
  const get = (k: string) => {
    if (params instanceof URLSearchParams) return params.get(k) ?? undefined;
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const raw = Object.fromEntries(["user", "child", "action", "from", "to", "page"].map((k) => [k, get(k) || undefined]));
  return auditFilterSchema.parse(raw);
}

/** The filters as a query string (without the page), for links and the export. */
export function auditFilterQuery(f: AuditFilter, page?: number): string {
  const q = new URLSearchParams();
  for (const k of ["user", "child", "action", "from", "to"] as const) if (f[k]) q.set(k, f[k]);
  if (page && page > 1) q.set("page", String(page));
  return q.toString();
}
