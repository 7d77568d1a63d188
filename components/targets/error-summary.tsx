"use client";

import { useEffect, useRef } from "react";

/**
 * The errors of a form at its top, as links to the fields; it takes the focus when it appears, so a
 * keyboard or screen reader user hears what went wrong at once (GOV.UK error summary pattern).
 */
export function ErrorSummary({ message, errors, fieldIds, labels, attempt }: {
  message: string;
  errors: Record<string, string[]>;
  /** field name -> input id */
  fieldIds: Record<string, string>;
  labels?: Record<string, string>;
  /** Changes on every failed submit, so the focus moves again. */
  attempt: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  const items = Object.entries(errors).filter(([, v]) => v.length);
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="target-error-title" className="rounded border-4 border-red-700 bg-white p-4">
      <h3 id="target-error-title" className="text-lg font-bold text-red-900">There is a problem</h3>
      <p className="mt-1">{message}</p>
      {items.length ? (
        <ul className="mt-2 list-disc pl-6">
          {items.map(([field, msgs]) => (
            <li key={field}>
              {fieldIds[field] ? (
                <a href={`#${fieldIds[field]}`} className="font-semibold text-red-900 underline">
                  {labels?.[field] ? `${labels[field]}: ` : ""}{msgs.join(" ")}
                </a>
              ) : (
                msgs.join(" ")
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
