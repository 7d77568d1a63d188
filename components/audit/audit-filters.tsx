import Link from "next/link";
import { AUDIT_ACTIONS } from "@/lib/audit/record";
import type { AuditUserOption } from "@/lib/audit/queries";
import type { AuditFilter } from "@/lib/schemas/audit";

const field = "mt-1 block rounded border-2 border-slate-700 bg-white px-2 py-1";

/** The log's filters as a plain GET form: they land in the URL, so a view can be shared or bookmarked. */
export function AuditFilters({ filter, users, resetHref }: { filter: AuditFilter; users: AuditUserOption[]; resetHref: string }) {
  return (
    <form method="get" className="no-print mt-6 flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-white p-4" role="search" aria-label="Filter the audit log">
      <div>
        <label htmlFor="a-user" className="block text-sm font-semibold">User</label>
        <select id="a-user" name="user" defaultValue={filter.user ?? ""} className={field}>
          <option value="">Everyone</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.label}</option>)}
          <option value="cli">Command line</option>
        </select>
      </div>
      <div>
        <label htmlFor="a-child" className="block text-sm font-semibold">Child id</label>
        <input id="a-child" name="child" defaultValue={filter.child ?? ""} maxLength={64} aria-describedby="a-child-hint" className={field} />
        <span id="a-child-hint" className="block text-xs text-slate-700">The authority&apos;s child id</span>
      </div>
      <div>
        <label htmlFor="a-action" className="block text-sm font-semibold">Action</label>
        <select id="a-action" name="action" defaultValue={filter.action ?? ""} className={field}>
          <option value="">All actions</option>
          {Object.entries(AUDIT_ACTIONS).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="a-from" className="block text-sm font-semibold">From</label>
        <input id="a-from" type="date" name="from" defaultValue={filter.from ?? ""} className={field} />
      </div>
      <div>
        <label htmlFor="a-to" className="block text-sm font-semibold">To</label>
        <input id="a-to" type="date" name="to" defaultValue={filter.to ?? ""} className={field} />
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Filter</button>
      <Link href={resetHref} className="py-2 text-brand-800 underline">Clear filters</Link>
    </form>
  );
}
