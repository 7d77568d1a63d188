import type { Metadata } from "next";
import { requireTenant } from "@/lib/auth/tenant-context";
import { env } from "@/lib/env";
import { importHistory } from "@/lib/imports/history";
import { sizeLabel, tooLargeMessage } from "@/lib/imports/upload-limit";
import { ImportUploader } from "@/components/imports/import-uploader";

export const metadata: Metadata = { title: "Imports" };
export const dynamic = "force-dynamic";

const STATUS: Record<string, string> = { SUCCEEDED: "✓ Imported", REFUSED: "✗ Refused", FAILED: "✗ Failed", RUNNING: "Running" };
const KIND: Record<string, string> = { CHILDREN: "Children", STATUSES: "Statuses", ATTENDANCE: "Attendance" };
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

export default async function ImportsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug, "imports.run");
  const runs = await importHistory(ctx.tenant.id);
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-3xl font-bold text-brand-800">Imports</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Import children.csv from the social care system first, then statuses.csv and the schools&apos; attendance.csv.
        Each file is imported whole or not at all; importing the same file again changes nothing. Attendance rows
        for children not yet imported are kept aside and linked when the child arrives.
      </p>
      <section aria-labelledby="upload-h" className="mt-6">
        <h2 id="upload-h" className="text-xl font-semibold">Import a file</h2>
        <div className="mt-3"><ImportUploader slug={slug} limit={{ bytes: env.UPLOAD_MAX_BYTES, label: sizeLabel(env.UPLOAD_MAX_BYTES), message: tooLargeMessage(env.UPLOAD_MAX_BYTES) }} /></div>
      </section>
      <section aria-labelledby="history-h" className="mt-8">
        <h2 id="history-h" className="text-xl font-semibold">History</h2>
        {runs.length === 0 ? (
          <p className="mt-2 rounded border border-slate-300 bg-white p-4">No imports yet.</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse bg-white text-sm">
              <caption className="sr-only">Imports of this authority, newest first</caption>
              <thead>
                <tr className="border-b-2 border-slate-400">
                  {["When", "File", "Kind", "By", "Result", "Rows", "New", "Updated", "Unchanged", "Rejected", "Kept aside"].map((h) => (
                    <th key={h} scope="col" className="px-2 py-2 text-left">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200">
                    <td className="px-2 py-2 whitespace-nowrap">{when.format(r.startedAt)}</td>
                    <th scope="row" className="px-2 py-2 text-left font-normal">{r.fileName}</th>
                    <td className="px-2 py-2">{KIND[r.kind] ?? r.kind}</td>
                    <td className="px-2 py-2">{r.actorName}</td>
                    <td className="px-2 py-2">{STATUS[r.status] ?? r.status}{r.message ? <span className="block text-xs text-slate-700">{r.message}</span> : null}</td>
                    <td className="px-2 py-2 tabular-nums">{r.rows}</td>
                    <td className="px-2 py-2 tabular-nums">{r.inserted}</td>
                    <td className="px-2 py-2 tabular-nums">{r.updated}</td>
                    <td className="px-2 py-2 tabular-nums">{r.unchanged}</td>
                    <td className="px-2 py-2 tabular-nums">{r.rejected ? <a href={`/${slug}/imports/${r.id}/rejected`} className="text-brand-800 underline">{r.rejected}<span className="sr-only"> rejected rows: download CSV</span></a> : 0}</td>
                    <td className="px-2 py-2 tabular-nums">{r.unmatched}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
