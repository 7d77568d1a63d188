import type { CodeCategory } from "@/lib/attendance";

// Colours support the code, never replace it: every cell shows the code itself as text.
export const CATEGORY_STYLE: Record<CodeCategory | "invalid", { cls: string; label: string }> = {
  present: { cls: "bg-green-100 text-green-950", label: "Present" },
  approved: { cls: "bg-teal-100 text-teal-950", label: "Approved educational activity" },
  authorised: { cls: "bg-amber-100 text-amber-950", label: "Authorised absence" },
  unauthorised: { cls: "bg-red-200 text-red-950 font-bold", label: "Unauthorised absence" },
  not_possible: { cls: "bg-slate-200 text-slate-800", label: "Not a possible session" },
  no_mark: { cls: "bg-white text-slate-900 outline outline-1 outline-dashed outline-slate-600", label: "No mark recorded" },
  invalid: { cls: "bg-white text-slate-900", label: "Unknown code" },
};
