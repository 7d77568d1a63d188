"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ImportResult } from "@/lib/import";

type State =
  | { phase: "idle" }
  | { phase: "uploading"; percent: number }
  | { phase: "importing" }
  | { phase: "done"; result: ImportResult }
  | { phase: "error"; message: string };

const KINDS = [
  { value: "children", label: "Children (children.csv)" },
  { value: "statuses", label: "Statuses (statuses.csv)" },
  { value: "attendance", label: "Attendance (attendance.csv)" },
];

/** The server's upload limit (UPLOAD_MAX_BYTES) and the words it refuses a larger file with. */
export type UploadLimit = { bytes: number; label: string; message: string };

/**
 * Uploads one CSV file, streaming it to the server with the upload's progress shown, then shows the
 * import's result: the counts, and each rejected row with its line, column and reason.
 */
export function ImportUploader({ slug, limit }: { slug: string; limit: UploadLimit }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ phase: "idle" });
  const statusRef = useRef<HTMLDivElement>(null);

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    const kind = String(form.get("kind") ?? "");
    if (!(file instanceof File) || file.size === 0) {
      setState({ phase: "error", message: "Choose a CSV file to import." });
      return;
    }
    // Checked here too, so a file the server would refuse is not sent first.
    if (file.size > limit.bytes) {
      setState({ phase: "error", message: limit.message });
      statusRef.current?.focus();
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/${slug}/imports/upload?kind=${encodeURIComponent(kind)}&name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", "text/csv");
    xhr.upload.onprogress = (p) => {
      if (p.lengthComputable) setState({ phase: "uploading", percent: Math.round((100 * p.loaded) / p.total) });
    };
    xhr.upload.onload = () => setState({ phase: "importing" });
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as ImportResult & { error?: string };
        if (body.error) setState({ phase: "error", message: body.error });
        else setState({ phase: "done", result: body });
      } catch {
        // A proxy in front of the app may refuse a large body with a page of its own.
        const message = xhr.status === 413 ? limit.message : "The server did not answer as expected. Nothing may have been saved; check the history below.";
        setState({ phase: "error", message });
      }
      router.refresh();
      statusRef.current?.focus();
    };
    xhr.onerror = () => setState({ phase: "error", message: "The upload failed. Check your connection and try again." });
    setState({ phase: "uploading", percent: 0 });
    xhr.send(file);
  }

  const busy = state.phase === "uploading" || state.phase === "importing";
  return (
    <div>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-4 rounded border border-slate-300 bg-white p-4">
        <div>
          <label htmlFor="kind" className="block font-semibold">File</label>
          <select id="kind" name="kind" className="mt-1 rounded border-2 border-slate-700 bg-white px-2 py-1" defaultValue="attendance">
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="file" className="block font-semibold">CSV file</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint" className="mt-1 block" />
          <p id="file-hint" className="mt-1 text-sm text-slate-700">Up to {limit.label}.</p>
        </div>
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">Import</button>
      </form>
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="mt-4">
        {state.phase === "uploading" ? (
          <p><label htmlFor="upload-progress">Uploading: {state.percent}%</label> <progress id="upload-progress" max={100} value={state.percent} className="align-middle" /></p>
        ) : state.phase === "importing" ? (
          <p role="status">Checking and saving the rows… A large attendance file can take a minute.</p>
        ) : state.phase === "error" ? (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">{state.message}</p>
        ) : state.phase === "done" ? (
          <ImportResultView result={state.result} slug={slug} />
        ) : null}
      </div>
    </div>
  );
}

function ImportResultView({ result, slug }: { result: ImportResult; slug: string }) {
  const ok = result.status === "SUCCEEDED";
  return (
    <section aria-labelledby="result-h" className={`rounded border-l-4 p-4 ${ok ? "border-green-800 bg-green-50" : "border-red-700 bg-red-50"}`}>
      <h2 id="result-h" className="font-semibold">{ok ? "✓ Import finished" : "✗ The file was not imported"}</h2>
      {result.message ? <p className="mt-1">{result.message}</p> : null}
      {ok ? (
        <p className="mt-1" data-testid="import-counts">
          {result.inserted} new, {result.updated} updated, {result.unchanged} unchanged, {result.rejected} rejected
          {result.unmatched ? `, ${result.unmatched} kept aside for children not yet imported` : ""}.
        </p>
      ) : null}
      {result.warnings.length ? <ul className="mt-2 list-disc pl-6">{result.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : null}
      {result.rejectedRows.length ? (
        <>
          <p className="mt-3"><a href={`/${slug}/imports/${result.importRunId}/rejected`} className="text-brand-800 underline">Download the rejected rows (CSV)</a></p>
          <table className="mt-2 w-full border-collapse bg-white text-sm">
            <caption className="text-left font-semibold">Rejected rows{result.rejectedRows.length > 50 ? " (first 50)" : ""}</caption>
            <thead><tr className="border-b border-slate-400"><th scope="col" className="px-2 py-1 text-left">Line</th><th scope="col" className="px-2 py-1 text-left">Column</th><th scope="col" className="px-2 py-1 text-left">Reason</th></tr></thead>
            <tbody>
              {result.rejectedRows.slice(0, 50).map((r, i) => (
                <tr key={`${r.line}-${r.column}-${i}`} className="border-b border-slate-200"><td className="px-2 py-1">{r.line}</td><td className="px-2 py-1">{r.column || "–"}</td><td className="px-2 py-1">{r.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
