import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCaseload } from "@/lib/children/caseload";
import { useAsAppDb } from "../helpers/app-db";
import { CHILD_HEADER, csv, importFile, MARK_HEADER, newTenant, STATUS_HEADER, upn } from "../helpers/import-fixture";
import { createTestDb, type TestDb } from "../helpers/test-db";

// A practice supervisor's caseload, read through the real import: who is on it, where each child is
// now (the school of their latest mark in the last four weeks that is not D, registered elsewhere),
// their statuses and their own figures.

describe("caseload", () => {
  let t: TestDb;
  let restore: () => void;
  let tenantId: number;
  beforeAll(async () => {
    t = await createTestDb();
    restore = useAsAppDb(t);
    tenantId = await newTenant(t, "caseload");
    await importFile(t, tenantId, "children", csv([
      CHILD_HEADER,
      `C1,${upn(1)},Ann,Smith,2015-01-01,F,,,,,North`,
      `C2,${upn(2)},Bob,Jones,2014-01-01,M,,,,,North`,
      `C3,${upn(3)},Cat,Brown,2013-01-01,F,,,,,North`,
      `C4,${upn(4)},Dan,Green,2013-01-01,M,,,,,South`,
      `C5,${upn(5)},Eve,White,2013-01-01,F,,,,,North`,
    ]));
    await importFile(t, tenantId, "statuses", csv([STATUS_HEADER, "C1,CLA,2024-06-01,", "C2,CIN,2024-06-01,2025-09-30", "C2,KIN,2025-01-01,", "C3,CP,2024-06-01,", "C4,CIN,2024-06-01,", "C5,CIN,2020-01-01,2025-06-30"]));
    const days = ["2025-10-06", "2025-10-07", "2025-10-08"];
    await importFile(t, tenantId, "attendance", csv([
      MARK_HEADER,
      // C1 is dual registered: D at Oak on the last day, present at the Ash unit that day.
      ...days.flatMap((d) => [`${upn(1)},100001,Oak,${d},AM,${d === days[2] ? "D" : "/"}`, `${upn(1)},100001,Oak,${d},PM,${d === days[2] ? "D" : "\\"}`]),
      `${upn(1)},100002,Ash,${days[2]},AM,/`,
      `${upn(1)},100002,Ash,${days[2]},PM,O`,
      // C2 moved from Oak to Elm.
      `${upn(2)},100001,Oak,${days[0]},AM,/`,
      `${upn(2)},100003,Elm,${days[1]},AM,/`,
      `${upn(2)},100003,Elm,${days[2]},AM,O`,
      // C3's only marks are more than four weeks old.
      `${upn(3)},100001,Oak,2025-09-01,AM,/`,
      `${upn(4)},100001,Oak,${days[0]},AM,/`,
    ]));
  });
  afterAll(async () => {
    restore?.();
    await t?.close();
  });

  it("lists the children of the teams who held a status this year, each where they are now", async () => {
    const teams = await t.prisma.team.findMany({ where: { tenantId, name: "North" } });
    const { rows } = await loadCaseload(tenantId, { kind: "teams", teamIds: teams.map((x) => x.id) }, "2025-10-08", []);
    const byRef = Object.fromEntries(rows.map((r) => [r.childRef, r]));
    // C4 is in another team, C5's status ended before the academic year.
    expect(Object.keys(byRef).sort()).toEqual(["C1", "C2", "C3"]);
    expect(byRef.C1).toMatchObject({ name: "Ann Smith", team: "North", statuses: ["CLA"], school: "Ash" });
    expect(byRef.C2).toMatchObject({ statuses: ["KIN"], school: "Elm" });
    expect(byRef.C3).toMatchObject({ statuses: ["CP"], school: null });
    // C1's year: 4 present at Oak, then 1 present and 1 absent at Ash (D counts nowhere).
    expect(byRef.C1!.summary.year).toEqual({ possible: 6, attended: 5, authorised: 0, unauthorised: 1, noMark: 0 });
    expect(byRef.C2!.summary.year).toMatchObject({ possible: 3, attended: 2, unauthorised: 1 });
  });
});
