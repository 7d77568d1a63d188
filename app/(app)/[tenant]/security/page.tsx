import type { Metadata } from "next";
import { requireTenant } from "@/lib/auth/tenant-context";
import { formatUkDateTime } from "@/lib/audit/london-time";
import { listSecurityEvents, SECURITY_LOG_LIMIT } from "@/lib/audit/security-queries";

export const metadata: Metadata = { title: "Security log" };
export const dynamic = "force-dynamic";

export default async function SecurityLogPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug, "audit.view");
  const rows = await listSecurityEvents(ctx.tenant.id);
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-3xl font-bold text-brand-800">Security log</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Attempts on this authority that were refused: pages, downloads and changes that someone&apos;s role does not allow, and
        attempts by people who are not members of this authority. The latest {SECURITY_LOG_LIMIT}, newest first. Sign-ins are in
        the audit log.
      </p>
      {rows.length ? (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Refused attempts, newest first</caption>
            <thead>
              <tr className="border-b-2 border-slate-700 text-left">
                <th scope="col" className="p-2">When (UK time)</th>
                <th scope="col" className="p-2">Who</th>
                <th scope="col" className="p-2">What</th>
                <th scope="col" className="p-2">Where</th>
                <th scope="col" className="p-2">From address</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-300 align-top">
                  <td className="p-2 whitespace-nowrap">{formatUkDateTime(r.at)}</td>
                  <td className="p-2">
                    {r.actorName !== null ? (
                      <>
                        {r.actorName}
                        <span className="block text-xs text-slate-700">{r.actorEmail}</span>
                      </>
                    ) : (
                      <>Someone who is not a member of this authority</>
                    )}
                  </td>
                  <td className="p-2">{r.label}{r.capability && r.capability !== "member" ? ` (${r.capability})` : ""}</td>
                  <td className="p-2 font-mono text-xs">{r.path ?? "–"}</td>
                  <td className="p-2 font-mono text-xs">{r.ip ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-4 rounded border border-slate-300 bg-white p-4">No refused attempts are on record.</p>
      )}
    </main>
  );
}
