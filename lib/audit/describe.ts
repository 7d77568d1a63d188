// An entry's detail as one line of text ("method: password; rows: 12"). Details hold ids, codes and
// counts only (lib/audit/record.ts), so they are safe to show as they are.
export function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join("; ");
}

/**
 * Who an actor that is not a user id is: "Command line (alice)" for an import run from the command line
 * as the operating-system user alice ("cli:alice"; older entries say only "cli"). Null for a user id.
 */
export function commandLineLabel(actor: string): string | null {
  if (actor === "cli") return "Command line";
  return actor.startsWith("cli:") ? `Command line (${actor.slice(4)})` : null;
}
