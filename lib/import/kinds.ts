import type { z } from "zod";
import { ATTENDANCE_MARK_COLUMNS, attendanceMarkKeySchema, attendanceMarkRowSchema } from "@/lib/schemas/attendance-mark";
import { CHILD_COLUMNS, childKeySchema, childRowSchema } from "@/lib/schemas/child";
import { STATUS_EPISODE_COLUMNS, statusEpisodeKeySchema, statusEpisodeRowSchema } from "@/lib/schemas/status-episode";
import { AttendanceLoader } from "./attendance";
import { attendanceFastRow } from "./attendance-fast";
import { ChildrenLoader } from "./children";
import type { ColumnSpec, Header } from "./columns";
import type { Loader, LoaderContext } from "./loader";
import { StatusesLoader } from "./statuses";
import type { ImportKind } from "./types";

// The three kinds of file: their columns, the schema of a row, how rows are written, and how many
// rows go to the database at once.

export type KindSpec = {
  columns: ColumnSpec;
  /** A whole row. */
  schema: z.ZodType;
  /** The key fields of a row alone: a row rejected for other fields still holds its key. */
  keySchema: z.ZodType;
  loader: (ctx: LoaderContext) => Loader<unknown, unknown>;
  batchSize: number;
  /**
   * A reader of valid rows without the schema, for files of millions of rows: given a row's values, the
   * same row `schema` gives, or null, and the row then goes through `schema`.
   */
  fastRow?: (header: Header) => (values: string[]) => unknown;
};

export const COLUMN_SPECS: Record<ImportKind, ColumnSpec> = {
  children: CHILD_COLUMNS,
  statuses: STATUS_EPISODE_COLUMNS,
  attendance: ATTENDANCE_MARK_COLUMNS,
};

export const KINDS: Record<ImportKind, KindSpec> = {
  children: {
    columns: CHILD_COLUMNS,
    schema: childRowSchema,
    keySchema: childKeySchema,
    loader: (ctx) => new ChildrenLoader(ctx) as Loader<unknown, unknown>,
    batchSize: 5_000,
  },
  statuses: {
    columns: STATUS_EPISODE_COLUMNS,
    schema: statusEpisodeRowSchema,
    keySchema: statusEpisodeKeySchema,
    loader: (ctx) => new StatusesLoader(ctx) as Loader<unknown, unknown>,
    batchSize: 5_000,
  },
  attendance: {
    columns: ATTENDANCE_MARK_COLUMNS,
    schema: attendanceMarkRowSchema,
    keySchema: attendanceMarkKeySchema,
    loader: (ctx) => new AttendanceLoader(ctx) as Loader<unknown, unknown>,
    batchSize: 5_000,
    fastRow: attendanceFastRow,
  },
};
