"use client";

// The gap report could not be built (the database was unreachable, say). Nothing internal is shown.
export default function GapsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-2xl font-bold">The gap report could not be shown</h1>
      <p className="mt-4">Something went wrong while reading the figures. Please try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Try again
      </button>
    </main>
  );
}
