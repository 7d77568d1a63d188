import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CODE_INFO, COHORT_LABELS, formatDay, meetsAttendanceTarget } from "@/lib/attendance";
import { requireTenant } from "@/lib/auth/tenant-context";
import { loadChildPage } from "@/lib/children/child-page";
import { ChartFigure } from "@/components/charts/chart-figure";
import { FlagBadges } from "@/components/children/flag-badges";
import { CodeLegend, SessionCalendar } from "@/components/children/session-calendar";
import { CATEGORY_STYLE } from "@/components/children/code-style";
import { percent, rateOf, whole } from "@/components/format";

export const metadata: Metadata = { title: "Child" };
export const dynamic = "force-dynamic";

export default async function ChildPage({ params, searchParams }: { params: Promise<{ tenant: string; childRef: string }>; searchParams: Promise<{ year?: string }> }) {
  const { tenant: slug, childRef } = await params;
  const ctx = await requireTenant(slug, "children.view");
  const page = await loadChildPage(ctx, childRef, (await searchParams).year);
  if (!page) notFound();
  const { record: r, thisYear } = page;
  const year = r.academicYear;
  const target = r.target;
  const onTrack = target ? meetsAttendanceTarget(r.summary.year, target.attendanceRate) : null;
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <p className="no-print"><Link href={`/${slug}/caseload`} className="text-brand-800 underline">Back to caseload</Link></p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">{r.child.name}</h1>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <div><dt className="font-semibold">Child id</dt><dd>{r.child.childRef}</dd></div>
        <div><dt className="font-semibold">UPN</dt><dd>{r.child.upn ?? "Not known"}</dd></div>
        <div><dt className="font-semibold">Date of birth</dt><dd>{formatDay(r.child.dateOfBirth)}</dd></div>
        <div><dt className="font-semibold">Team</dt><dd>{r.child.team ?? "–"}</dd></div>
        <div><dt className="font-semibold">Status now</dt><dd>{r.currentStatuses.length ? r.currentStatuses.map((s) => COHORT_LABELS[s]).join(", ") : "No open status"}</dd></div>
        <div><dt className="font-semibold">Flags</dt><dd><FlagBadges summary={r.summary} /></dd></div>
      </dl>
      <nav aria-label="Academic year" className="no-print mt-4 flex gap-4 text-sm">
        {[thisYear - 1, thisYear].map((y) => (
          <Link key={y} href={`/${slug}/children/${encodeURIComponent(r.child.childRef)}${y === thisYear ? "" : `?year=${y}`}`}
            aria-current={y === year ? "page" : undefined} className={`underline ${y === year ? "font-bold text-slate-900" : "text-brand-800"}`}>
            {`${y}/${String((y + 1) % 100).padStart(2, "0")}`}
          </Link>
        ))}
      </nav>

      <section aria-labelledby="summary-h" className="mt-6">
        <h2 id="summary-h" className="text-xl font-semibold">Attendance {r.yearLabel}, to {formatDay(r.window.to)}</h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-4">
          <Stat label="Year to date" value={rateOf(r.summary.year)} note={`${whole(r.summary.year.attended)} of ${whole(r.summary.year.possible)} sessions`} />
          <Stat label="This term" value={rateOf(r.summary.term)} note={`${whole(r.summary.term.attended)} of ${whole(r.summary.term.possible)} sessions`} />
          <Stat label="Last 4 weeks" value={rateOf(r.summary.last4)} note={`${whole(r.summary.last4.attended)} of ${whole(r.summary.last4.possible)} sessions`} />
          <Stat label="Target" value={target ? `${target.attendanceRate.toFixed(1)}%` : "No target set"}
            note={onTrack === null ? "" : onTrack ? "✓ On track: year to date at or above target" : "✗ Off track: year to date below target"} />
        </div>
      </section>

      <ChartFigure
        title="Weekly attendance"
        description="Share of possible sessions attended each week, against the target for the child's cohort."
        rowHeader="Week beginning"
        rows={r.weeks.map((w) => ({ label: formatDay(w.weekStart), attendance: w.possible ? (100 * w.attended) / w.possible : null }))}
        series={[{ key: "attendance", name: "Attendance", color: "#1d4e89" }]}
        target={target ? { value: target.attendanceRate, label: "Target" } : undefined}
      />

      <section aria-labelledby="timeline-h" className="mt-8">
        <h2 id="timeline-h" className="text-xl font-semibold">Status timeline</h2>
        <ol className="mt-3 space-y-1">
          {r.episodes.map((e) => (
            <li key={`${e.status}-${e.startDate}`} className="rounded border border-slate-300 bg-white px-3 py-2">
              <span className="font-semibold">{COHORT_LABELS[e.status]}</span>: {formatDay(e.startDate)} to {e.endDate ? formatDay(e.endDate) : "now (open)"}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="schools-h" className="mt-8">
        <h2 id="schools-h" className="text-xl font-semibold">Schools</h2>
        <table className="mt-3 w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Schools with register marks for this child in {r.yearLabel}</caption>
          <thead><tr className="border-b border-slate-400"><th scope="col" className="px-3 py-2 text-left">School</th><th scope="col" className="px-3 py-2 text-left">URN</th><th scope="col" className="px-3 py-2 text-left">Marks from</th><th scope="col" className="px-3 py-2 text-left">to</th><th scope="col" className="px-3 py-2 text-right">Sessions</th></tr></thead>
          <tbody>
            {r.schools.map((s) => (
              <tr key={s.urn} className="border-b border-slate-200"><th scope="row" className="px-3 py-2 text-left font-normal">{s.name ?? s.urn}</th><td className="px-3 py-2">{s.urn}</td><td className="px-3 py-2">{formatDay(s.first)}</td><td className="px-3 py-2">{formatDay(s.last)}</td><td className="px-3 py-2 text-right">{whole(s.sessions)}</td></tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="codes-h" className="mt-8">
        <h2 id="codes-h" className="text-xl font-semibold">Sessions by register code</h2>
        <table className="mt-3 w-full max-w-2xl border-collapse bg-white text-sm">
          <caption className="sr-only">Number of sessions with each register code in {r.yearLabel}</caption>
          <thead><tr className="border-b border-slate-400"><th scope="col" className="px-3 py-2 text-left">Code</th><th scope="col" className="px-3 py-2 text-left">Meaning</th><th scope="col" className="px-3 py-2 text-left">Counts as</th><th scope="col" className="px-3 py-2 text-right">Sessions</th></tr></thead>
          <tbody>
            {r.codeCounts.map((c) => (
              <tr key={c.code} className="border-b border-slate-200">
                <th scope="row" className="px-3 py-2 text-left font-mono">{c.code}</th>
                <td className="px-3 py-2">{CODE_INFO[c.code]?.meaning ?? "Unknown"}</td>
                <td className="px-3 py-2">{CATEGORY_STYLE[c.category ?? "invalid"].label}</td>
                <td className="px-3 py-2 text-right tabular-nums">{whole(c.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-sm text-slate-700">Absence this year: {percent(r.summary.year.possible ? (r.summary.year.authorised + r.summary.year.unauthorised) / r.summary.year.possible : null)} of possible sessions ({whole(r.summary.year.authorised)} authorised, {whole(r.summary.year.unauthorised)} unauthorised).</p>
      </section>

      <section aria-labelledby="calendar-h" className="mt-8">
        <h2 id="calendar-h" className="text-xl font-semibold">Every session</h2>
        <CodeLegend />
        <div className="mt-2"><SessionCalendar marks={r.marks} /></div>
      </section>
    </main>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="rounded border border-slate-300 bg-white p-4">
      <p className="text-sm font-semibold text-slate-700">{label}</p>
      <p className="mt-1 text-2xl font-bold tabular-nums">{value}</p>
      {note ? <p className="mt-1 text-sm text-slate-700">{note}</p> : null}
    </div>
  );
}
