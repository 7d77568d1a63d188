import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, GENERIC_FAILURE } from "@/lib/errors";
import { requestClientAddress } from "./client-address";
import type { Capability } from "./permissions";
import { currentSession } from "./session";
import type { SignedIn } from "./sessions";
import { checkTenantAccess, type TenantContext } from "./tenant-context";

// One wrapper for every server action, always in the same order: session, tenant membership,
// permission, input validation, handler. The tenant comes from the form's "tenant" field and is
// checked like everything else the browser sends.

export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export type ActionHandler<S extends z.ZodType, T> = (input: z.infer<S>, ctx: TenantContext) => Promise<T>;

const tenantField = z.object({ tenant: z.string().min(1).max(100) });

/**
 * The checks and the call, for a session (null = anonymous or signed out). Exported for the access
 * matrix tests. A refusal (another tenant, or a role without the capability) is written to the
 * security log, and told apart only as far as a member may know: another tenant is "not found".
 */
export async function runTenantAction<S extends z.ZodType, T>(
  session: SignedIn | null,
  capability: Capability,
  schema: S,
  handler: ActionHandler<S, T>,
  formData: FormData,
  origin: { ip: string } = { ip: "unknown" },
): Promise<ActionResult<T>> {
  if (!session) return { ok: false, message: "Your session has ended. Please sign in again." };
  const slug = tenantField.safeParse({ tenant: formData.get("tenant") });
  if (!slug.success) return { ok: false, message: "Not found." };
  const access = await checkTenantAccess(session, slug.data.tenant, capability, { ip: origin.ip, path: `/${slug.data.tenant} (action ${capability})` });
  if ("refused" in access) {
    return { ok: false, message: access.refused === "access.refused" ? "You do not have permission to do that." : "Not found." };
  }
  const ctx = access.ctx;
  const parsed = schema.safeParse(formEntries(formData));
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: flat.fieldErrors as Record<string, string[]> };
  }
  try {
    return { ok: true, data: await handler(parsed.data, ctx) };
  } catch (e) {
    unstable_rethrow(e);
    if (e instanceof AppError) return { ok: false, message: e.message };
    console.error(`action failed (${capability}):`, e instanceof Error ? e.name : "error");
    return { ok: false, message: GENERIC_FAILURE };
  }
}

/** A server action for useActionState: (previous result, form data) -> result. */
export function tenantAction<S extends z.ZodType, T>(capability: Capability, schema: S, handler: ActionHandler<S, T>) {
  return async (_previous: ActionResult<T> | undefined, formData: FormData): Promise<ActionResult<T>> => {
    return runTenantAction(await currentSession(), capability, schema, handler, formData, { ip: await requestClientAddress() });
  };
}

/** FormData as a plain object; repeated fields become arrays. */
export function formEntries(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}
