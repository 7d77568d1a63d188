import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/auth/tenant-context";
import { recordExport } from "./audit";
import { exportResponse } from "./response";
import { isExportFormat, type ExportFormat, type ExportTable } from "./table";

/** The ?format= of an export request; anything but csv or xlsx is a bad request. */
export function exportFormatOf(request: Request): ExportFormat {
  const format = new URL(request.url).searchParams.get("format");
  if (!isExportFormat(format)) throw new AppError("Choose a format: csv or xlsx.");
  return format;
}

/** Records the export in the audit log, then answers the file (audit first: no unaudited download). */
export async function sendExport(args: {
  ctx: TenantContext;
  table: ExportTable;
  format: ExportFormat;
  /** Fixed identifier of the table for the audit log, e.g. "gaps". */
  tableId: string;
  filename: string;
  from?: string;
  to?: string;
}): Promise<Response> {
  const { ctx, table, format, tableId, filename, from, to } = args;
  await recordExport({ tenantId: ctx.tenant.id, actor: ctx.user.id, format, table: tableId, from, to, rows: table.rows.length });
  return exportResponse(table, format, filename);
}
