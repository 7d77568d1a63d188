import type { ActionResult } from "@/lib/auth/action";

/** A server action as useActionState takes it. */
export type FormAction<T> = (previous: ActionResult<T> | undefined, formData: FormData) => Promise<ActionResult<T>>;

export const input = "mt-1 block w-full max-w-xs rounded border-2 border-slate-700 bg-white px-2 py-1 aria-invalid:border-red-700 aria-invalid:ring-2 aria-invalid:ring-red-700";
