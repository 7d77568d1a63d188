"use client";

/** A page that failed: a plain message and a way to try again; the details stay in the server's log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-4">This page could not be shown. Nothing has been changed. Please try again; if it keeps happening, tell your system administrator.</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Try again</button>
    </main>
  );
}
