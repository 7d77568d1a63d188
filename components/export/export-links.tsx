type Props = {
  /** The export route, e.g. "/demo/gaps/export". */
  href: string;
  /** The page's current query string ("" or "?window=..."), so the file holds what is on screen. */
  query?: string;
  /** What is exported, for screen readers when a page has several tables: "the gap report". */
  what: string;
};

function withFormat(href: string, query: string, format: "csv" | "xlsx"): string {
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  params.set("format", format);
  return `${href}?${params.toString()}`;
}

const link =
  "inline-flex items-center gap-2 rounded border-2 border-brand-700 bg-white px-3 py-1 font-semibold text-brand-800 underline-offset-2 hover:bg-brand-50 hover:underline";

/** "Download CSV" / "Download Excel" links for a table, carrying the current filters. */
export function ExportLinks({ href, query = "", what }: Props) {
  return (
    <div className="no-print flex flex-wrap items-center gap-3">
      <a href={withFormat(href, query, "csv")} className={link} download>
        <DownloadIcon />
        Download CSV<span className="sr-only"> of {what}</span>
      </a>
      <a href={withFormat(href, query, "xlsx")} className={link} download>
        <DownloadIcon />
        Download Excel<span className="sr-only"> of {what}</span>
      </a>
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16" fill="currentColor">
      <path d="M7 1h2v7.6l2.8-2.8 1.4 1.4L8 12.4 2.8 7.2l1.4-1.4L7 8.6V1zM2 13h12v2H2z" />
    </svg>
  );
}
