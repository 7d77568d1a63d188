import type { ProgressState } from "@/lib/targets";

// Progress as text and an icon; colour only repeats what the words say.
const MARKS: Record<ProgressState, { text: string; icon: "check" | "cross" | "clock" | "dash"; tone: string }> = {
  "on-track": { text: "On track", icon: "check", tone: "text-green-800" },
  met: { text: "Met", icon: "check", tone: "text-green-800" },
  "off-track": { text: "Off track", icon: "cross", tone: "text-red-800" },
  missed: { text: "Missed", icon: "cross", tone: "text-red-800" },
  "not-started": { text: "Not started", icon: "clock", tone: "text-slate-700" },
  "no-data": { text: "No attendance data", icon: "dash", tone: "text-slate-700" },
  "no-school-figures": { text: "No school figures yet", icon: "dash", tone: "text-slate-700" },
};

const PATHS = {
  check: "M6.2 11.6 2.4 7.8l1.4-1.4 2.4 2.4 6-6 1.4 1.4z",
  cross: "M4.2 2.8 8 6.6l3.8-3.8 1.4 1.4L9.4 8l3.8 3.8-1.4 1.4L8 9.4l-3.8 3.8-1.4-1.4L6.6 8 2.8 4.2z",
  clock: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 2a5 5 0 1 1 0 10A5 5 0 0 1 8 3zm-.9 1.5v4.1l3 1.8.9-1.5-2.2-1.3V4.5z",
  dash: "M3 7h10v2H3z",
};

export function ProgressMark({ state }: { state: ProgressState }) {
  const m = MARKS[state];
  return (
    <span className={`inline-flex items-center gap-1 font-semibold ${m.tone}`} data-progress={state}>
      <svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 16 16" fill="currentColor">
        <path d={PATHS[m.icon]} />
      </svg>
      {m.text}
    </span>
  );
}
