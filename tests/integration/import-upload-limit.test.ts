import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTenantRoute } from "@/lib/auth/route";
import { withTenant } from "@/lib/db/tenant";
import { uploadImportWithin } from "@/lib/imports/routes";
import { tooLargeMessage } from "@/lib/imports/upload-limit";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { useAsAppDb } from "../helpers/app-db";
import { createAccessFixture, sessionOf, type AccessFixture } from "../helpers/access-fixture";
import { CHILD_HEADER, csv } from "../helpers/import-fixture";

// The upload's size limit, through the same runTenantRoute the app's route.ts calls, as a signed-in
// virtual school head. The limit is made small here; the app's is UPLOAD_MAX_BYTES. A file over it is
// refused with 413 whether the request declares its length or only streams past the limit, and an
// import that had already written its first batch of rows is rolled back whole.

let t: TestDb;
let fx: AccessFixture;
let restore: () => void;

beforeAll(async () => {
  t = await createTestDb();
  restore = useAsAppDb(t);
  fx = await createAccessFixture(t, "upl");
});
afterAll(async () => {
  restore?.();
  await t?.close();
});

const ROWS = 12_000; // more than one batch of 5,000: the first is written before the limit is met
const LIMIT = 400 * 1024;
const row = (n: number) => `UPL-${n},,Upload,Child${n},2015-03-04,F,,,,,`;
const BIG = Buffer.from(csv([CHILD_HEADER, ...Array.from({ length: ROWS }, (_, n) => row(n))]));

/** The body as a stream of 16 KB chunks, counting what the server pulls from it. */
function streamOf(bytes: Buffer) {
  const sent = { bytes: 0, cancelled: false };
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const chunk = bytes.subarray(at, at + 16 * 1024);
      at += chunk.length;
      sent.bytes += chunk.length;
      controller.enqueue(new Uint8Array(chunk));
    },
    cancel() {
      sent.cancelled = true;
    },
  });
  return { body, sent };
}

async function upload(body: ReadableStream<Uint8Array> | Buffer, headers: Record<string, string> = {}) {
  const request = new Request(`http://127.0.0.1/${fx.home.slug}/imports/upload?kind=children&name=children.csv`, {
    method: "POST",
    body,
    headers: { "Content-Type": "text/csv", Origin: "http://127.0.0.1", "X-Forwarded-Host": "127.0.0.1", ...headers },
    duplex: "half",
  } as RequestInit);
  return runTenantRoute(await sessionOf(fx.users.vsh), fx.home.slug, "imports.run", request, uploadImportWithin(LIMIT));
}

const tenantId = () => fx.home.id;
const children = () => withTenant(tenantId(), (tx) => tx.child.count({ where: { tenantId: tenantId() } }), { prisma: t.prisma });
const runs = () => withTenant(tenantId(), (tx) => tx.importRun.findMany({ where: { tenantId: tenantId() }, orderBy: { id: "asc" } }), { prisma: t.prisma });

describe("upload size limit", () => {
  it("says the limit in the message", () => {
    expect(tooLargeMessage(200 * 1024 * 1024)).toMatch(/^The file is larger than the limit of 200 MB /);
    expect(tooLargeMessage(LIMIT)).toMatch(/limit of 400 KB/);
  });

  it("refuses a declared Content-Length over the limit at once: 413, the body not read, nothing written", async () => {
    const before = { children: await children(), runs: (await runs()).length };
    const { body, sent } = streamOf(BIG);
    const res = await upload(body, { "Content-Length": String(BIG.length) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: tooLargeMessage(LIMIT) });
    expect(sent.bytes).toBeLessThan(LIMIT);
    expect(sent.cancelled).toBe(true);
    expect({ children: await children(), runs: (await runs()).length }).toEqual(before);
  });

  for (const [label, headers] of [
    ["without a Content-Length", {}],
    ["with a Content-Length that is false", { "Content-Length": "1000" }],
  ] as const) {
    it(`stops a body ${label} at the limit: 413, the import rolled back, the run says why`, async () => {
      const before = await children();
      const { body, sent } = streamOf(BIG);
      const res = await upload(body, headers);
      expect(res.status).toBe(413);
      const result = await res.json();
      expect(result).toMatchObject({ status: "REFUSED", inserted: 0, message: tooLargeMessage(LIMIT) });
      expect(sent.bytes).toBeLessThan(BIG.length); // reading stopped at the limit
      expect(await children()).toBe(before);
      const run = (await runs()).at(-1);
      expect(run).toMatchObject({ id: result.importRunId, status: "REFUSED", inserted: 0, message: tooLargeMessage(LIMIT), actor: fx.users.vsh!.id });
      const audit = await withTenant(tenantId(), (tx) => tx.auditEvent.findFirst({ where: { tenantId: tenantId(), action: "import.run" }, orderBy: { id: "desc" } }), { prisma: t.prisma });
      expect(audit).toMatchObject({ subjectId: String(result.importRunId), detail: { kind: "children", status: "REFUSED" } });
    });
  }

  it("imports a file within the limit", async () => {
    const small = Buffer.from(csv([CHILD_HEADER, row(ROWS + 1), row(ROWS + 2)]));
    const res = await upload(small);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "SUCCEEDED", inserted: 2 });
  });
});
