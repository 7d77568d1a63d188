// CSV import of children.csv, statuses.csv and attendance.csv (docs/data-contract.md).
export { runImport } from "./run-import";
export { auditImport } from "./audit-import";
export { rejectedRowsCsv } from "./rejected-csv";
export {
  IMPORT_KINDS,
  ImportRefused,
  REJECTED_ROWS_LISTED,
  type ImportKind,
  type ImportOptions,
  type ImportResult,
  type ImportStatus,
  type RejectedRow,
} from "./types";
