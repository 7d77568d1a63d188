import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, GENERIC_FAILURE } from "@/lib/errors";
import { can, type Capability } from "./permissions";
import { activeUser, currentUser } from "./session";
import { resolveTenantContext, type TenantContext } from "./tenant-context";

// One wrapper for every server action, always in the same order: session, tenant membership,
// permission, input validation, handler. The tenant comes from the form's "tenant" field and is
// checked like everything else the browser sends.

export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export type ActionHandler<S extends z.ZodType, T> = (input: z.infer<S>, ctx: TenantContext) => Promise<T>;

const tenantField = z.object({ tenant: z.string().min(1).max(100) });

/** The checks and the call, for a given user id (null = anonymous). Exported for the access matrix tests. */
export async function runTenantAction<S extends z.ZodType, T>(
  userId: string | null,
  capability: Capability,
  schema: S,
  handler: ActionHandler<S, T>,
  formData: FormData,
): Promise<ActionResult<T>> {
  const user = userId ? await activeUser(userId) : null;
  if (!user) return { ok: false, message: "Your session has ended. Please sign in again." };
  const slug = tenantField.safeParse({ tenant: formData.get("tenant") });
  const ctx = slug.success ? await resolveTenantContext(user, slug.data.tenant) : null;
  if (!ctx) return { ok: false, message: "Not found." };
  if (!can(ctx.role, capability)) return { ok: false, message: "You do not have permission to do that." };
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
    const user = await currentUser();
    return runTenantAction(user?.id ?? null, capability, schema, handler, formData);
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
