import { COHORT_LABELS, COHORTS, meetsAttendanceTarget, withinMaximumShare, type CohortKey, type Measures } from "@/lib/attendance";
import type { CohortTarget } from "@/lib/dashboard/cohort-dashboard";
import { countAndShare, percent, whole } from "@/components/format";

function TrackMark({ ok, what }: { ok: boolean | null; what: string }) {
  if (ok === null) return <span className="text-slate-700">No data yet</span>;
  return ok ? (
    <span className="font-semibold text-green-900"><span aria-hidden="true">✓ </span>On track<span className="sr-only"> for {what}</span></span>
  ) : (
    <span className="font-semibold text-red-900"><span aria-hidden="true">✗ </span>Off track<span className="sr-only"> for {what}</span></span>
  );
}

/** One card per cohort: children, attendance, persistent and severe absence, each against its target. */
export function CohortCards({ cohorts, targets, selected }: { cohorts: Record<CohortKey, Measures>; targets: Partial<Record<CohortKey, CohortTarget>>; selected: CohortKey }) {
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {COHORTS.map((k) => {
        const m = cohorts[k];
        const t = targets[k];
        return (
          <li key={k} data-cohort={k} className={`rounded border bg-white p-4 ${k === selected ? "border-2 border-brand-700" : "border-slate-300"}`}>
            <h3 className="font-semibold">{COHORT_LABELS[k]}{k === selected ? <span className="sr-only"> (selected)</span> : null}</h3>
            <dl className="mt-2 grid grid-cols-2 gap-y-1 text-sm">
              <dt>Children</dt><dd className="text-right tabular-nums" data-measure="children">{whole(m.children)}</dd>
              <dt>Attendance</dt><dd className="text-right text-lg font-bold tabular-nums" data-measure="attendance">{percent(m.attendanceRate)}</dd>
              <dt>Persistently absent</dt><dd className="text-right tabular-nums" data-measure="persistent">{countAndShare(m.persistent, m.children)}</dd>
              <dt>Severely absent</dt><dd className="text-right tabular-nums" data-measure="severe">{countAndShare(m.severe, m.children)}</dd>
            </dl>
            <div className="mt-3 border-t border-slate-200 pt-2 text-sm">
              {t ? (
                <>
                  <p>Target attendance {t.attendanceRate.toFixed(1)}%: <TrackMark ok={meetsAttendanceTarget(m, t.attendanceRate)} what="attendance" /></p>
                  {t.maxPersistentRate !== null ? (
                    <p>Persistent absence at most {t.maxPersistentRate.toFixed(1)}%: <TrackMark ok={withinMaximumShare(m.persistent, m.children, t.maxPersistentRate)} what="persistent absence" /></p>
                  ) : null}
                </>
              ) : (
                <p className="text-slate-700">No target set for this term.</p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
