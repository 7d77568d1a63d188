import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCliDb, runCli, type CliDb } from "../helpers/cli";

// The command line's tenant and report commands as a script sees them: exit codes, stdout, and
// plain-English messages on stderr. Exit codes: 0 done, 1 unexpected, 2 bad command line,
// 3 unknown tenant / slug taken, 4 import refused.
describe("command line: tenant create, report arguments, help", () => {
  let db: CliDb;
  beforeAll(async () => {
    db = await createCliDb();
  });
  afterAll(async () => db?.close());

  it("--help prints the usage and the exit codes", async () => {
    const r = await runCli(db.url, ["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("npm run cli -- tenant create --slug <slug>");
    expect(r.stdout).toContain("npm run cli -- report --tenant <slug> --from YYYY-MM-DD --to YYYY-MM-DD");
    expect(r.stdout).toMatch(/Exit codes:/);
    const sub = await runCli(db.url, ["report", "--help"]);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("--attribution during");
  });

  it("an unknown command is a usage error (exit 2)", async () => {
    const r = await runCli(db.url, ["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
    expect(r.stdout).toBe("");
  });

  it("tenant create makes a tenant once; the same slug again is refused with exit 3", async () => {
    const first = await runCli(db.url, ["tenant", "create", "--slug", "north-shire", "--name", "North Shire Council"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Created tenant "north-shire" \(North Shire Council\)/);
    const again = await runCli(db.url, ["tenant", "create", "--slug", "north-shire", "--name", "Another"]);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('A tenant with the slug "north-shire" already exists');
  });

  it("tenant create checks its arguments before touching the database (exit 2)", async () => {
    const [badSlug, noName] = await Promise.all([
      runCli(db.url, ["tenant", "create", "--slug", "North Shire", "--name", "N"]),
      runCli(db.url, ["tenant", "create", "--slug", "south-shire"]),
    ]);
    expect(badSlug.code).toBe(2);
    expect(badSlug.stderr).toMatch(/--slug must be 2 to 50 lower-case letters, digits and hyphens/);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain("--name is required");
  });

  it("report on an unknown tenant says so (exit 3)", async () => {
    const r = await runCli(db.url, ["report", "--tenant", "nowhere", "--from", "2025-09-01", "--to", "2025-09-30"]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('No tenant has the slug "nowhere"');
  });

  it("report refuses bad dates, a reversed window, an unknown attribution and unknown options (exit 2)", async () => {
    const cases: [string[], RegExp][] = [
      [["--from", "01/09/2025", "--to", "2025-09-30"], /--from must be a date written YYYY-MM-DD, not "01\/09\/2025"/],
      [["--from", "2025-09-01", "--to", "2025-02-30"], /--to "2025-02-30" is not a day of the calendar/],
      [["--from", "2025-09-30", "--to", "2025-09-01"], /--from 2025-09-30 is after --to 2025-09-01/],
      [["--from", "2025-09-01", "--to", "2025-09-30", "--attribution", "sometimes"], /--attribution must be "ever" or "during", not "sometimes"/],
      [["--from", "2025-09-01"], /--to is required/],
      [["--from", "2025-09-01", "--to", "2025-09-30", "--jsn"], /Unknown option '--jsn'/],
    ];
    // These fail before the database is opened, so they can run side by side.
    const results = await Promise.all(cases.map(([args]) => runCli(db.url, ["report", "--tenant", "north-shire", ...args])));
    cases.forEach(([args, message], i) => {
      const r = results[i]!;
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    });
  });

  it("report on a tenant without data gives every cohort with zeros and null rates", async () => {
    const r = await runCli(db.url, ["report", "--tenant", "north-shire", "--from", "2025-09-01", "--to", "2025-09-30", "--attribution", "during", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const zero = { children: 0, possible: 0, attended: 0, authorised: 0, unauthorised: 0, attendanceRate: null, persistent: 0, severe: 0 };
    expect(report).toStrictEqual({
      tenant: "north-shire",
      from: "2025-09-01",
      to: "2025-09-30",
      attribution: "during",
      cohorts: { ALL: zero, CIN: zero, CP: zero, CLA: zero, PLAC: zero, KIN: zero },
      characteristics: { sex: {}, ethnicity: {}, sen: {}, fsm: {}, eal: {}, yearGroup: {} },
      children: [],
    });
  });

  it("a database without tables gets a hint to migrate (exit 1)", async () => {
    const r = await runCli("pglite:memory", ["report", "--tenant", "north-shire", "--from", "2025-09-01", "--to", "2025-09-30"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("npm run db:migrate");
  });
});
