"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type Series = { key: string; name: string; color: string; dashed?: boolean };
export type ChartRow = { label: string } & Record<string, number | null | string>;

type Props = {
  rows: ChartRow[];
  series: Series[];
  /** A horizontal target line, in the chart's unit. */
  target?: { value: number; label: string };
  yMax?: number;
  unit?: string;
};

/**
 * A line chart drawn from plain rows. The figure it sits in names it, and a data table beside it
 * (ChartFigure) carries the same numbers for screen readers and keyboard users; lines also differ by
 * dash pattern and marker, not by colour alone.
 */
export function TrendLineChart({ rows, series, target, yMax = 100, unit = "%" }: Props) {
  return (
    <div className="h-72 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 10, right: 24, left: 0, bottom: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} interval="preserveStartEnd" minTickGap={24} />
          <YAxis domain={[0, yMax]} tick={{ fontSize: 12, fill: "#334155" }} unit={unit} width={48} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toFixed(1)}${unit}` : String(v))} />
          <Legend />
          {target ? <ReferenceLine y={target.value} stroke="#0b0c0c" strokeDasharray="8 4" label={{ value: target.label, position: "insideTopRight", fill: "#0b0c0c", fontSize: 12 }} /> : null}
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? "5 3" : undefined}
              dot={{ r: 2, strokeWidth: 1, fill: i % 2 ? "#fff" : s.color }}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
