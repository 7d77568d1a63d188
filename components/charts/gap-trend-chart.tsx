"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";

export type GapSeries = { key: string; name: string; values: (number | null)[] };

type Props = {
  /** Term labels along the x axis. */
  terms: string[];
  series: GapSeries[];
  /** What the chart shows, for screen readers; the data table next to it carries the numbers. */
  ariaLabel: string;
};

// Colours with at least 3:1 contrast on white, each line also with its own dash pattern.
const COLOURS = ["#1d4e89", "#b3420e", "#2e6b30", "#6a1b9a", "#00695c", "#ad1457", "#4e342e", "#37474f"];
const DASHES = [undefined, "6 3", "2 2", "10 4 2 4", "4 4", "12 3"];

/** Gaps to the whole cohort, term by term, in percentage points; 0 is the cohort, ±5 the distinct band. */
export function GapTrendChart({ terms, series, ariaLabel }: Props) {
  const rows = terms.map((label, i) => ({ label, ...Object.fromEntries(series.map((s) => [s.key, s.values[i] ?? null])) }));
  const extent = Math.max(6, ...series.flatMap((s) => s.values.map((v) => (v === null ? 0 : Math.abs(v)))));
  const bound = Math.ceil(extent / 5) * 5;
  return (
    <div role="img" aria-label={ariaLabel} className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 10, right: 24, left: 0, bottom: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} interval={0} padding={{ left: 48, right: 48 }} />
          <YAxis domain={[-bound, bound]} tick={{ fontSize: 12, fill: "#334155" }} width={44} allowDecimals={false} />
          <ReferenceLine y={0} stroke="#0b0c0c" strokeWidth={1.5} />
          <ReferenceLine y={5} stroke="#7c2d12" strokeDasharray="8 4" label={{ value: "+5", position: "insideTopLeft", fill: "#7c2d12", fontSize: 12 }} />
          <ReferenceLine y={-5} stroke="#7c2d12" strokeDasharray="8 4" label={{ value: "−5", position: "insideBottomLeft", fill: "#7c2d12", fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => series.findIndex((s) => s.name === item.value)} />
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.name}
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth={2}
              strokeDasharray={DASHES[Math.floor(i / 2) % DASHES.length]}
              dot={{ r: 3, strokeWidth: 2, fill: i % 2 ? "#fff" : COLOURS[i % COLOURS.length] }}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
