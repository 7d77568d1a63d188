"use client";

import { startTransition, type FormEvent } from "react";

/**
 * Submits a form to its action without React's automatic reset, so that a refused form keeps what the
 * person typed. Without JavaScript the form's own action attribute still posts it.
 */
export function submitWithoutReset(formAction: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
}
