import type { TenantContext } from "@/lib/auth/tenant-context";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db, rawDb } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { env } from "@/lib/env";
import { AppError, NotFoundError } from "@/lib/errors";
import { auditImport, IMPORT_KINDS, rejectedRowsCsv, runImport } from "@/lib/import";
import { parseId } from "@/lib/url-params";
import { rejectedRowsOf } from "./history";
import { capped, declaredTooLarge, tooLargeMessage } from "./upload-limit";

// POST /<tenant>/imports/upload?kind=children|statuses|attendance&name=<file name>, the CSV as the body.
// The body streams straight into the import, so a file of millions of rows needs no more memory than
// a small one. Answers with the import's result (DATA-CONTRACT counts, rejected rows, message); a body
// over UPLOAD_MAX_BYTES with 413, whether it says so in Content-Length or only runs past the limit.
const query = z.object({
  kind: z.enum(IMPORT_KINDS as unknown as ["children", "statuses", "attendance"], { error: "Choose which file this is." }),
  name: z.string().trim().min(1).max(255).default("upload.csv"),
});

/** The upload handler with its size limit; the app's is uploadImport (UPLOAD_MAX_BYTES), tests pass a small one. */
export function uploadImportWithin(maxBytes: number) {
  return async function uploadImport(request: Request, ctx: TenantContext): Promise<Response> {
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError(parsed.error.issues[0]?.message ?? "Choose which file this is.");
    if (declaredTooLarge(request, maxBytes)) {
      // Not a byte is read: the client is told at once instead of after sending the whole file.
      await request.body?.cancel().catch(() => {});
      throw new AppError(tooLargeMessage(maxBytes), 413);
    }
    if (!request.body) throw new AppError("The file is empty.");
    const body = capped(Readable.fromWeb(request.body as unknown as NodeWebStream), maxBytes);
    const run = { tenantId: ctx.tenant.id, actor: ctx.user.id, kind: parsed.data.kind };
    const result = await runImport({ prisma: db(), raw: rawDb(), ...run, input: body.input, fileName: parsed.data.name });
    await auditImport(db(), run, result);
    const status = result.status === "SUCCEEDED" ? 200 : body.overLimit() ? 413 : 422;
    return Response.json(result, { status });
  };
}

export const uploadImport = uploadImportWithin(env.UPLOAD_MAX_BYTES);

/** GET /<tenant>/imports/<id>/rejected: the rejected rows of one import as CSV (line, column, reason). */

export async function downloadRejectedRows(request: Request, ctx: TenantContext): Promise<Response> {
  const id = parseId(new URL(request.url).pathname.split("/").at(-2));
  const run = id === null ? null : await rejectedRowsOf(ctx.tenant.id, id);
  if (!run) throw new NotFoundError();
  await withTenant(ctx.tenant.id, (tx) =>
    recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user.id, action: "export.csv", subjectType: "import", subjectId: String(id), detail: { table: "rejected-rows", rows: run.rows.length } }),
  );
  const base = run.fileName.replace(/\.csv$/i, "").replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 80) || "import";
  return new Response(rejectedRowsCsv(run.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${base}-rejected-rows.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

// Route handlers as [capability, handler]: route.ts wraps each with tenantRoute(...), and the
// access-matrix tests run the very same pair through runTenantRoute.
export const IMPORT_ROUTES = {
  upload: ["imports.run", uploadImport],
  rejectedRows: ["imports.run", downloadRejectedRows],
} as const;
