import type { ActionResult } from "@/lib/auth/action";

/** The outcome of a form: an alert when it failed, a status line when it worked. */
export function FormMessage({ state, success }: { state: ActionResult<unknown> | undefined; success: string }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
        {state.message}
      </div>
    );
  }
  return (
    <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
      {success}
    </p>
  );
}

/** The errors of one field, referenced by the field's aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-red-800">
      {errors.join(" ")}
    </p>
  );
}

export function fieldErrorsOf(state: ActionResult<unknown> | undefined): Record<string, string[]> {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}
