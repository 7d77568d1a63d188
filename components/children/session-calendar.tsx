import { addDays, CODE_INFO, dayOfWeek, formatDay, type CodeCategory, type IsoDate } from "@/lib/attendance";
import { CATEGORY_STYLE } from "./code-style";

type Mark = { date: IsoDate; session: "AM" | "PM"; code: string; urn: string; category: CodeCategory | undefined };

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri"];

/** Every session of the year, a week to a row: the code itself in each cell, coloured by its kind. */
export function SessionCalendar({ marks }: { marks: Mark[] }) {
  const byDay = new Map<IsoDate, Mark[]>();
  for (const m of marks) byDay.set(m.date, [...(byDay.get(m.date) ?? []), m]);
  const mondays = [...new Set(marks.map((m) => addDays(m.date, -((dayOfWeek(m.date) + 6) % 7))))].sort();
  if (!mondays.length) return <p>No register marks this year.</p>;
  return (
    <div className="max-h-[32rem] overflow-auto rounded border border-slate-300 bg-white" tabIndex={0} role="region" aria-label="Register marks by week (scrolls)">
      <table className="w-full border-collapse text-xs">
        <caption className="sr-only">Register marks by week: morning and afternoon session of each school day</caption>
        <thead className="sticky top-0 bg-white">
          <tr className="border-b border-slate-400">
            <th scope="col" className="px-2 py-1 text-left">Week beginning</th>
            {DAYS.map((d) => (
              <th key={d} scope="col" className="px-2 py-1 text-center">{d}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {mondays.map((monday) => (
            <tr key={monday} className="border-b border-slate-200">
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-normal">{formatDay(monday)}</th>
              {DAYS.map((_, i) => {
                const day = addDays(monday, i);
                const ms = byDay.get(day) ?? [];
                return (
                  <td key={day} className="px-1 py-1 text-center">
                    <span className="inline-flex gap-0.5">
                      {ms.map((m) => {
                        const style = CATEGORY_STYLE[m.category ?? "invalid"];
                        const meaning = CODE_INFO[m.code]?.meaning ?? style.label;
                        return (
                          <abbr key={`${m.session}-${m.urn}`} title={`${formatDay(day)} ${m.session}: ${m.code} – ${meaning}`}
                            className={`inline-block min-w-[1.75rem] rounded px-1 font-mono no-underline ${style.cls}`}>
                            {m.code}
                            <span className="sr-only"> {m.session}, {meaning}</span>
                          </abbr>
                        );
                      })}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CodeLegend() {
  return (
    <ul className="mt-2 flex flex-wrap gap-2 text-xs">
      {(Object.keys(CATEGORY_STYLE) as (keyof typeof CATEGORY_STYLE)[]).filter((k) => k !== "invalid").map((k) => (
        <li key={k} className={`rounded px-2 py-0.5 ${CATEGORY_STYLE[k].cls}`}>{CATEGORY_STYLE[k].label}</li>
      ))}
    </ul>
  );
}
