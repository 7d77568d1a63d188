import { test, expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn, USERS } from "./session";
import { percentValue } from "@/lib/attendance/rounding";

type Measures = { children: number; attendanceRate: number | null; persistent: number; severe: number };
type Report = { cohorts: Record<string, Measures> };

const COHORTS = ["ALL", "CIN", "CP", "CLA", "PLAC", "KIN"];
const pct = (r: number | null) => (r === null ? "–" : `${percentValue(r)!.toFixed(1)}%`);

/** Every cohort card on the page shows the engine's figures for the window the page says it shows. */
async function expectCardsMatchReport(page: Page) {
  const shown = page.locator("#window-shown");
  const from = await shown.getAttribute("data-from");
  const to = await shown.getAttribute("data-to");
  const attribution = await shown.getAttribute("data-attribution");
  const res = await page.request.get(`/demo/api/report?from=${from}&to=${to}&attribution=${attribution}`);
  expect(res.status()).toBe(200);
  const report = (await res.json()) as Report;
  for (const k of COHORTS) {
    const card = page.locator(`li[data-cohort="${k}"]`);
    const m = report.cohorts[k]!;
    await expect(card.locator('[data-measure="children"]')).toHaveText(m.children.toLocaleString("en-GB"));
    await expect(card.locator('[data-measure="attendance"]')).toHaveText(pct(m.attendanceRate));
    await expect(card.locator('[data-measure="persistent"]')).toHaveText(new RegExp(`^${m.persistent.toLocaleString("en-GB")}( |$)`));
    await expect(card.locator('[data-measure="severe"]')).toHaveText(new RegExp(`^${m.severe.toLocaleString("en-GB")}( |$)`));
  }
  return report;
}

test("the virtual school head's dashboard shows the engine's figures for every window and attribution", async ({ page }) => {
  await signIn(page, USERS.vsh);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cohort dashboard");
  const termReport = await expectCardsMatchReport(page);
  expect(termReport.cohorts.ALL!.children).toBeGreaterThan(500);
  await expectNoAxeViolations(page);

  await page.getByLabel("Period").selectOption("year-to-date");
  await page.getByLabel("Count sessions").selectOption("during");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/window=year-to-date/);
  await expect(page).toHaveURL(/attribution=during/);
  await expectCardsMatchReport(page);

  await page.goto("/demo?window=custom&from=2025-09-01&to=2026-07-31");
  await expect(page.locator("#window-shown")).toHaveAttribute("data-from", "2025-09-01");
  await expectCardsMatchReport(page);

  // The back button returns to the previous choice, because the choice lives in the URL.
  await page.goBack();
  await expect(page.locator("#window-shown")).toHaveAttribute("data-attribution", "during");
});

test("the dashboard links flagged children to their records and has a data table for its chart", async ({ page }) => {
  await signIn(page, USERS.vsh);
  await page.getByText("Show the data as a table").first().click();
  await expect(page.getByRole("table", { name: /Weekly attendance/ })).toBeVisible();
  const falling = page.getByRole("region", { name: /Falling attendance/ });
  const first = falling.getByRole("link").first();
  const name = await first.textContent();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name!);
  await expectNoAxeViolations(page);
});

test("a senior leader sees the cohort dashboard without any child's name", async ({ page }) => {
  await signIn(page, USERS.leader);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cohort dashboard");
  await expectCardsMatchReportIfAllowed(page);
  const falling = page.getByRole("region", { name: /Falling attendance/ });
  await expect(falling.getByRole("link")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Caseload" })).toHaveCount(0);
  expect((await page.goto("/demo/caseload"))?.status()).toBe(404);
  await expectNoAxeViolations(page);
});

async function expectCardsMatchReportIfAllowed(page: Page) {
  // The leader may not download the unsuppressed report JSON.
  const res = await page.request.get("/demo/api/report?from=2026-09-01&to=2026-11-20");
  expect(res.status()).toBe(404);
}

test("dashboard tables download as Excel and CSV, with small groups suppressed", async ({ page }) => {
  await signIn(page, USERS.vsh);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Excel of attendance by school" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^demo-schools-.*\.xlsx$/);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV of attendance by year group" }).click()]);
  const text = Buffer.concat(await (await csv.createReadStream()).toArray()).toString("utf8");
  expect(text).toContain("Year group,Children,Attendance (%)");
  for (const line of text.trim().split(/\r?\n/).slice(1)) {
    const children = line.split(",")[1]!;
    expect(children === "c" || Number(children) >= 6).toBe(true);
  }
});
