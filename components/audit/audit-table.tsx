import { actionLabel, commandLineLabel, describeDetail } from "@/lib/audit/describe";
import { formatUkDateTime } from "@/lib/audit/london-time";
import type { AuditRow } from "@/lib/audit/queries";

function Actor({ row }: { row: AuditRow }) {
  const commandLine = commandLineLabel(row.actor);
  if (commandLine) return <>{commandLine}</>;
  if (!row.actorName) return <span className="font-mono text-xs">{row.actor}</span>;
  return (
    <>
      {row.actorName}
      <span className="block text-xs text-slate-700">{row.actorEmail}</span>
    </>
  );
}

function Subject({ row }: { row: AuditRow }) {
  if (!row.subjectType) return <>–</>;
  if (row.subjectUser) return <>User: {row.subjectUser.name} <span className="block text-xs text-slate-700">{row.subjectUser.email}</span></>;
  // Children appear by the authority's child id only, never by name.
  if (row.subjectType === "child") return <>Child {row.subjectId}</>;
  return <>{row.subjectType}{row.subjectId ? `: ${row.subjectId}` : ""}</>;
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm shadow-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="border-b-2 border-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2">Time (UK)</th>
            <th scope="col" className="px-3 py-2">User</th>
            <th scope="col" className="px-3 py-2">Action</th>
            <th scope="col" className="px-3 py-2">Subject</th>
            <th scope="col" className="px-3 py-2">Detail</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200 align-top" data-action={r.action}>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums"><time dateTime={r.at.toISOString()}>{formatUkDateTime(r.at)}</time></td>
              <td className="px-3 py-2"><Actor row={r} /></td>
              <td className="px-3 py-2">{actionLabel(r.action, r.detail)}</td>
              <td className="px-3 py-2"><Subject row={r} /></td>
              <td className="px-3 py-2 text-slate-800">{describeDetail(r.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
