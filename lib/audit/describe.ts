import { AUDIT_ACTIONS, type AuditAction } from "./record";

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

/**
 * The label the audit log shows for an entry's action ("Saved a target"); an action the app no longer
 * knows shows as its code. Entries written before target.delete and target.copy existed recorded deletes
 * and copies as target.save with change "deleted" or "copied" in their detail; nothing migrates them, so
 * they are labelled by that change ("Deleted a target") while their action stays target.save.
 */
export function actionLabel(action: string, detail: Record<string, unknown> | null = null): string {
  if (action === "target.save") {
    const legacy: Record<string, AuditAction> = { deleted: "target.delete", copied: "target.copy" };
    const change = detail?.change;
    if (typeof change === "string" && Object.hasOwn(legacy, change)) return AUDIT_ACTIONS[legacy[change]!];
  }
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as AuditAction] : action;
}
