import fs from "node:fs";
import { test, expect } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn, USERS } from "./session";

// The VSH reads the audit log: filters in the URL, children by id and never by name, CSV export.

test("a child's record view appears in the log by child id only, and the log exports as CSV", async ({ page }) => {
  await signIn(page, USERS.vsh);
  // View a child's record: it is audited.
  await page.goto("/demo/caseload");
  const link = page.locator("tbody tr th a").first();
  const childName = (await link.textContent())!.trim();
  const childRef = (await page.locator("tbody tr").first().getAttribute("data-child"))!;
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(childName);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expectNoAxeViolations(page);

  await page.getByLabel("Child id").fill(childRef);
  await page.getByLabel("Action").selectOption("child.view");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]child=${childRef}`));
  await expect(page).toHaveURL(/[?&]action=child\.view/);
  const rows = page.locator('tbody tr[data-action="child.view"]');
  await expect(rows.first()).toContainText(`Child ${childRef}`);
  await expect(rows.first()).toContainText(USERS.vsh);
  await expect(page.getByRole("main")).not.toContainText(childName);
  await expectNoAxeViolations(page);

  // Filter by user: the select keeps the choice.
  await page.getByLabel("User").selectOption({ label: `Val Head (${USERS.vsh})` });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]user=[0-9a-f-]{36}/);
  await expect(rows.first()).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export these entries as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-demo-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toBe("Time (UTC),User id,User name,User email,Action,Subject type,Subject id,Detail");
  expect(csv).toContain(`child.view,child,${childRef}`);
  expect(csv).not.toContain(childName);

  // The export is itself in the log.
  await page.goto("/demo/audit?action=audit.export");
  await expect(page.locator('tbody tr[data-action="audit.export"]').first()).toContainText(`child: ${childRef}`);
});

test("the log pages through older entries with the filters kept", async ({ page }) => {
  await signIn(page, USERS.vsh);
  await page.goto("/demo/audit?action=auth.signin");
  const status = page.getByRole("status").filter({ hasText: "entr" });
  await expect(status).toBeVisible();
  const older = page.getByRole("link", { name: "Older entries" });
  if (await older.count()) {
    await older.click();
    await expect(page).toHaveURL(/action=auth\.signin&page=2/);
    await expect(page.getByRole("link", { name: "Newer entries" })).toBeVisible();
  }
  const times = await page.locator("tbody time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!));
  expect(times).toEqual([...times].sort().reverse());
});
