// An entry's detail as one line of text ("method: password; rows: 12"). Details hold ids, codes and
// counts only (lib/audit/record.ts), so they are safe to show as they are.
export function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join("; ");
}
