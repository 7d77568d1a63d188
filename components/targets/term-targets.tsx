import Link from "next/link";
import { COHORT_LABELS, formatDay } from "@/lib/attendance";
import { formatPercent } from "@/lib/attendance/rounding";
import type { TargetProgress, TermProgress } from "@/lib/targets";
import { DeleteTargetButton } from "./delete-target-button";
import { ProgressMark } from "./progress-mark";
import type { FormAction } from "./types";

const STATE_TEXT: Record<TermProgress["state"], string> = {
  "not-started": "not started",
  "in-progress": "in progress: figures to date",
  finished: "finished",
};

const th = "px-3 py-2 text-left align-bottom";
const td = "px-3 py-2";

type Edit = { tenant: string; academicYear: number; editHref: (targetId: number) => string; deleteAction: FormAction<{ id: number }> };

function pct(n: number | null): string {
  return n === null ? "–" : `${Number(n.toFixed(2))}%`;
}

/** One term's targets with the term's measure and progress; edit controls only when `edit` is given. */
export function TermTargets({ term, rows, edit }: { term: TermProgress; rows: TargetProgress[]; edit?: Edit }) {
  const id = `term-${term.term}`;
  return (
    <section aria-labelledby={id} className="mt-10" data-term={term.term} data-from={term.from} data-to={term.to}>
      <h2 id={id} className="text-2xl font-semibold">{term.label}</h2>
      <p className="text-slate-700">
        {formatDay(term.from)} to {formatDay(term.to)} · {STATE_TEXT[term.state]}
      </p>
      {rows.length === 0 ? (
        <p className="mt-3 rounded border border-slate-300 bg-white p-4">No targets set for this term{edit ? ": set one with the form above." : "."}</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded border border-slate-300 bg-white" tabIndex={0} role="region" aria-label={`Targets, ${term.label}`}>
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Targets and progress, {term.label}</caption>
            <thead>
              <tr className="border-b-2 border-slate-400 bg-slate-50">
                <th scope="col" className={th}>Cohort</th>
                <th scope="col" className={th}>School</th>
                <th scope="col" className={`${th} text-right`}>Target attendance</th>
                <th scope="col" className={`${th} text-right`}>Attendance</th>
                <th scope="col" className={th}>Attendance progress</th>
                <th scope="col" className={`${th} text-right`}>Maximum PA rate</th>
                <th scope="col" className={`${th} text-right`}>PA rate</th>
                <th scope="col" className={th}>PA progress</th>
                {edit ? <th scope="col" className={th}>Change</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const t = p.target;
                const school = t.school ? (t.school.name ?? t.school.urn) : "All schools";
                const what = `${COHORT_LABELS[t.cohort]}, ${school}, ${term.label}`;
                const m = p.measure;
                return (
                  <tr key={t.id} className="border-b border-slate-200" data-cohort={t.cohort} data-school={t.school?.urn ?? "all"}>
                    <th scope="row" className={`${td} text-left font-medium`}>{COHORT_LABELS[t.cohort]}</th>
                    <td className={td}>{school}</td>
                    <td className={`${td} text-right tabular-nums`} data-col="targetAttendance">{pct(t.attendanceRate)}</td>
                    <td className={`${td} text-right tabular-nums`} data-col="attendance">{m ? formatPercent(m.attendanceRate) : "–"}</td>
                    <td className={td}><ProgressMark state={p.attendance} /></td>
                    <td className={`${td} text-right tabular-nums`} data-col="maxPersistent">{t.maxPersistentRate === null ? "none set" : pct(t.maxPersistentRate)}</td>
                    <td className={`${td} text-right tabular-nums`} data-col="persistent">{m ? formatPercent(m.children > 0 ? m.persistent / m.children : null) : "–"}</td>
                    <td className={td}>{p.persistent ? <ProgressMark state={p.persistent} /> : "–"}</td>
                    {edit ? (
                      <td className={`${td} whitespace-nowrap`}>
                        <Link href={edit.editHref(t.id)} className="rounded px-2 py-1 font-semibold text-brand-800 underline hover:bg-brand-50">
                          Edit<span className="sr-only"> the target for {what}</span>
                        </Link>
                        <DeleteTargetButton tenant={edit.tenant} academicYear={edit.academicYear} term={t.term} cohort={t.cohort} schoolId={t.school?.id ?? null} what={what} action={edit.deleteAction} />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
