import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/lib/db/tenant";
import { createCliDb, runCli, writeTempFile, type CliDb } from "../helpers/cli";

// `npm run cli -- import` as a nightly script sees it: exactly one JSON line on stdout, exit 0 when the
// file was read (even with rejected rows), exit 4 when it was refused whole, and the problems in plain
// English on stderr.

const CHILDREN = `\uFEFFchild_id,upn,first_name,last_name,date_of_birth,sex,ethnicity,sen,fsm,eal
K1,X201100021011,Ann,Ash,2015-03-10,F,WBRI,N,Y,N
K2,Z201100021022,Bob,Birch,01/09/2012,M,,K,N,N
K3,B201100021033,Cat,Cedar,2010-08-31,X,BAFR,E,Y,Y
`;
const ATTENDANCE = `upn,school_urn,date,session,code
X201100021011,100001,2025-09-08,AM,/
X201100021011,100001,2025-09-08,PM,O
G201100021100,100001,2025-09-08,AM,/
`;

function jsonLine(stdout: string): unknown {
  const lines = stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!);
}

describe("command line: import", () => {
  let db: CliDb;
  beforeAll(async () => {
    db = await createCliDb();
    const r = await runCli(db.url, ["tenant", "create", "--slug", "imp-shire", "--name", "Import Shire"]);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => db?.close());

  it("reads a file with a rejected row: exit 0, one JSON line, the row's problem on stderr; a re-run changes nothing", async () => {
    const file = writeTempFile("children.csv", CHILDREN);
    const first = await runCli(db.url, ["import", "children", "--tenant", "imp-shire", "--file", file]);
    expect(first.code, first.stderr).toBe(0);
    expect(jsonLine(first.stdout)).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 1, unmatched: 0 });
    expect(first.stderr).toMatch(/line 4, column sex/);
    expect(first.stderr).not.toMatch(/Read \d+ rows/); // no progress ticker when stderr is not a terminal

    const again = await runCli(db.url, ["import", "children", "--tenant", "imp-shire", "--file", file]);
    expect(again.code, again.stderr).toBe(0);
    expect(jsonLine(again.stdout)).toEqual({ inserted: 0, updated: 0, unchanged: 2, rejected: 1, unmatched: 0 });
  });

  it("keeps attendance of an unknown UPN aside as unmatched", async () => {
    const r = await runCli(db.url, ["import", "attendance", "--tenant", "imp-shire", "--file", writeTempFile("attendance.csv", ATTENDANCE)]);
    expect(r.code, r.stderr).toBe(0);
    expect(jsonLine(r.stdout)).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 0, unmatched: 1 });
    expect(r.stderr).toMatch(/1 row\(s\) name a UPN that matches no child yet/);
  });

  it("refuses a file without a required column: exit 4, nothing written, the reason on stderr", async () => {
    const file = writeTempFile("statuses.csv", "child_id,status,end_date\nK1,CIN,\n");
    const r = await runCli(db.url, ["import", "statuses", "--tenant", "imp-shire", "--file", file]);
    expect(r.code).toBe(4);
    expect(jsonLine(r.stdout)).toEqual({ inserted: 0, updated: 0, unchanged: 0, rejected: 0, unmatched: 0 });
    expect(r.stderr).toMatch(/The file was refused and nothing was imported: .*start_date/);
  });

  it("says so for an unknown tenant (exit 3), and for a bad kind or a missing file (exit 2)", async () => {
    const file = writeTempFile("children.csv", CHILDREN);
    const [tenant, kind, noKind, missing] = await Promise.all([
      runCli(db.url, ["import", "children", "--tenant", "no-such", "--file", file]),
      runCli(db.url, ["import", "pupils", "--tenant", "imp-shire", "--file", file]),
      runCli(db.url, ["import", "--tenant", "imp-shire", "--file", file]),
      runCli(db.url, ["import", "children", "--tenant", "imp-shire", "--file", "/nonexistent/children.csv"]),
    ]);
    expect(tenant.code).toBe(3);
    expect(tenant.stderr).toContain('No tenant has the slug "no-such"');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('"pupils" is not a kind of file');
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toContain("Say what the file holds");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--file: there is no file at /nonexistent/children.csv");
    for (const r of [tenant, kind, noKind, missing]) expect(r.stdout).toBe("");
  });

  it("writes each import to the tenant's audit log as the operating-system user who ran it, as the upload does", async () => {
    const actor = `cli:${os.userInfo().username}`;
    const ok = await runCli(db.url, ["import", "children", "--tenant", "imp-shire", "--file", writeTempFile("children.csv", "child_id,first_name,last_name,date_of_birth,sex\nK9,Dee,Elm,2014-01-01,F\n")]);
    expect(ok.code, ok.stderr).toBe(0);
    const refused = await runCli(db.url, ["import", "children", "--tenant", "imp-shire", "--file", writeTempFile("children.csv", "child_id,first_name\nK10,Fay\n")]);
    expect(refused.code).toBe(4);

    const { runs, entries } = await db.read(async (prisma) => {
      const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug: "imp-shire" } });
      return withTenant(tenant.id, async (tx) => ({
        runs: await tx.importRun.findMany({ where: { tenantId: tenant.id, kind: "CHILDREN" }, orderBy: { id: "asc" } }),
        entries: await tx.auditEvent.findMany({ where: { tenantId: tenant.id, action: "import.run" }, orderBy: { id: "asc" } }),
      }), { prisma });
    });
    const [done, refusedRun] = runs.slice(-2);
    expect([done, refusedRun].map((r) => [r!.status, r!.actor])).toEqual([["SUCCEEDED", actor], ["REFUSED", actor]]);
    const byRun = new Map(entries.map((e) => [e.subjectId, e]));
    expect(byRun.get(String(done!.id))).toMatchObject({ actor, subjectType: "import", detail: { kind: "children", status: "SUCCEEDED", inserted: 1, updated: 0, rejected: 0 } });
    expect(byRun.get(String(refusedRun!.id))).toMatchObject({ actor, subjectType: "import", detail: { kind: "children", status: "REFUSED", inserted: 0 } });
  });
});
