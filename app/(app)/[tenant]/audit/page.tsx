import type { Metadata } from "next";
import Link from "next/link";
import { requireTenant } from "@/lib/auth/tenant-context";
import { auditUserOptions, listAuditEvents } from "@/lib/audit/queries";
import { auditFilterQuery, parseAuditFilter } from "@/lib/schemas/audit";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AuditPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug, "audit.view");
  const filter = parseAuditFilter(await searchParams);
  const [log, users] = await Promise.all([listAuditEvents(ctx.tenant.id, filter), auditUserOptions(ctx.tenant.id)]);
  const base = `/${slug}/audit`;
  const href = (page: number) => {
    const q = auditFilterQuery(filter, page);
    return q ? `${base}?${q}` : base;
  };
  const exportQuery = auditFilterQuery(filter);
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-3xl font-bold text-brand-800">Audit log</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Every sign-in, every view of a child&apos;s record, every export and every change to users, newest first. Children appear by
        the authority&apos;s child id only.
      </p>
      <AuditFilters filter={filter} users={users} resetHref={base} />
      <div className="mt-4 flex flex-wrap items-center justify-between gap-4">
        <p role="status">
          {log.total.toLocaleString("en-GB")} {log.total === 1 ? "entry" : "entries"}
          {log.pageCount > 1 ? `, page ${log.page} of ${log.pageCount}` : ""}.
        </p>
        <a href={`${base}/export${exportQuery ? `?${exportQuery}` : ""}`} className="no-print rounded border-2 border-brand-700 px-4 py-1.5 font-semibold text-brand-800 hover:bg-brand-50" download>
          Export these entries as CSV
        </a>
      </div>
      {log.rows.length ? <AuditTable rows={log.rows} /> : <p className="mt-4 rounded border border-slate-300 bg-white p-4">No entries match these filters.</p>}
      {log.pageCount > 1 ? (
        <nav aria-label="Pages" className="no-print mt-4 flex gap-4">
          {log.page > 1 ? <Link href={href(log.page - 1)} className="text-brand-800 underline">Newer entries</Link> : null}
          {log.page < log.pageCount ? <Link href={href(log.page + 1)} className="text-brand-800 underline">Older entries</Link> : null}
        </nav>
      ) : null}
    </main>
  );
}
