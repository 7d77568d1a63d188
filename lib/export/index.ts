// Exports of the app's tables as CSV and Excel. A route handler builds an ExportTable (already
// suppressed where it must be), records the export with recordExport, then answers exportResponse.
export { EXPORT_FORMATS, isExportFormat, type ExportCell, type ExportColumn, type ExportColumnKind, type ExportFormat, type ExportTable } from "./table";
export { neutralise, needsNeutralising } from "./neutralise";
export { toCsv } from "./csv";
export { toXlsx } from "./xlsx";
export { exportResponse, safeFilename } from "./response";
export { recordExport, type ExportAudit } from "./audit";
export { exportFormatOf, sendExport } from "./send";
