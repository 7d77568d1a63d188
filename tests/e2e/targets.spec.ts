import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { test, expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn, USERS } from "./session";

// Targets: the VSH sets, changes, deletes and copies them; a senior leader reads them; progress is
// the engine's figure for the term. Year 2027/28 is this spec's own, so reruns start the same way.

const YEAR = "2027";

async function termRow(page: Page, term: string, cohort: string) {
  return page.locator(`section[data-term="${term}"] tr[data-cohort="${cohort}"][data-school="all"]`);
}

test("a senior leader sees targets and progress, with no way to change them", async ({ page }) => {
  await signIn(page, USERS.leader);
  await page.getByRole("link", { name: "Targets" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Targets");
  await expect(page.locator("section[data-term]")).toHaveCount(3);
  const autumnAll = await termRow(page, "AUTUMN", "ALL");
  await expect(autumnAll.locator('[data-progress]').first()).toHaveText(/On track|Off track|Met|Missed/);
  await expect(page.getByRole("button", { name: /Save target|Copy targets|Delete/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole("form", { name: /Set a target/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 400, height: 900 });
  await expectNoAxeViolations(page);
});

test("the term's attendance on the targets page is the engine's figure for the term", async ({ page }) => {
  await signIn(page, USERS.leader);
  // "This term" on the gap report is the term targets are set for; its export is the engine's figure.
  await page.goto("/demo/gaps?window=term");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download CSV/ }).click()]);
  const csv = parse(fs.readFileSync(await file.path(), "utf8"), { bom: true, columns: true }) as Record<string, string>[];
  const all = csv.find((l) => l.Characteristic === "All")!;
  const from = await page.locator("#window-shown").getAttribute("data-from");

  await page.goto("/demo/targets");
  const term = page.locator(`section[data-term][data-from="${from}"]`);
  await expect(term).toHaveCount(1);
  const row = term.locator('tr[data-cohort="ALL"][data-school="all"]');
  await expect(row.locator('td[data-col="attendance"]')).toHaveText(`${all["Attendance rate (%)"]}%`);
  await expect(row.locator('td[data-col="persistent"]')).toHaveText(`${all["Persistent absence rate (%)"]}%`);
});

test("the virtual school head copies last year's targets, deletes, saves and edits one", async ({ page }) => {
  await signIn(page, USERS.vsh);
  await page.goto("/demo/targets");
  await expectNoAxeViolations(page);
  await page.getByLabel("Academic year", { exact: true }).selectOption(YEAR);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`year=${YEAR}`));
  await expect(page.getByRole("heading", { level: 2, name: "Set a target for 2027/28" })).toBeVisible();

  // Copy: whatever an earlier run left, every seeded 2026/27 target then exists in 2027/28.
  await page.getByRole("button", { name: "Copy targets from 2026/27" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Copied \d+ targets? from 2026\/27/ })).toBeVisible();
  await expect(page.locator('section[data-term="SUMMER"] tbody tr')).toHaveCount(6);
  await expect((await termRow(page, "SUMMER", "CLA")).locator("[data-progress]").first()).toHaveText("Not started");

  // Delete one, copy again: exactly that one comes back.
  const cla = await termRow(page, "AUTUMN", "CLA");
  await cla.getByRole("button", { name: /^Delete/ }).click();
  await expect(cla).toHaveCount(0);
  await page.getByRole("button", { name: "Copy targets from 2026/27" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied 1 target from 2026/27; 17 already set for 2027/28 were kept." })).toBeVisible();
  await expect(cla).toHaveCount(1);

  // A mistake is summarised at the top, which takes the focus, and linked to its field.
  const form = page.getByRole("form", { name: "Set a target for 2027/28" });
  await form.getByLabel("Term").selectOption("AUTUMN");
  await form.getByLabel("Cohort").selectOption("CLA");
  await form.getByLabel(/^Target attendance rate/).fill("101");
  await form.getByRole("button", { name: "Save target" }).click();
  const summary = form.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Enter the target attendance rate between 0 and 100");
  const field = form.getByLabel(/^Target attendance rate/);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/Enter the target attendance rate between 0 and 100/);
  await expectNoAxeViolations(page);

  await field.fill("95.5");
  await form.getByLabel(/^Maximum persistent absence rate/).fill("12.25");
  await form.getByRole("button", { name: "Save target" }).click();
  await expect(form.getByRole("status")).toHaveText("Target changed.");
  await expect(cla.locator('td[data-col="targetAttendance"]')).toHaveText("95.5%");
  await expect(cla.locator('td[data-col="maxPersistent"]')).toHaveText("12.25%");

  // Edit fills the form with the target.
  await cla.getByRole("link", { name: /^Edit/ }).click();
  await expect(page).toHaveURL(/edit=\d+/);
  const editForm = page.getByRole("form", { name: "Change a target for 2027/28" });
  await expect(editForm.getByLabel(/^Target attendance rate/)).toHaveValue("95.5");
  await expect(editForm.getByLabel("Cohort")).toHaveValue("CLA");
  await expectNoAxeViolations(page);
});
