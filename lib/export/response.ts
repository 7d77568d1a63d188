import { toCsv } from "./csv";
import type { ExportFormat, ExportTable } from "./table";
import { toXlsx } from "./xlsx";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A file name safe in a Content-Disposition header and on any file system: letters, digits, dots,
 * hyphens and underscores only, no leading dot, at most 100 characters, with the format's extension.
 */
export function safeFilename(name: string, format: ExportFormat): string {
  const base = name
    .normalize("NFKD")
    .replace(/\.(csv|xlsx)$/i, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100);
  return `${base || "export"}.${format}`;
}

/** The table as a download, for route handlers. Audit it first (lib/export/audit.ts). */
export async function exportResponse(table: ExportTable, format: ExportFormat, filename: string): Promise<Response> {
  const body: BodyInit = format === "csv" ? toCsv(table) : new Uint8Array(await toXlsx(table));
  const name = safeFilename(filename, format);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      // Children's data: never kept by a shared cache or the browser's back-forward cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
