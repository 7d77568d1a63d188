import { test, expect } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn, USERS } from "./session";

test("a practice supervisor lands on their teams' caseload, searches, sorts and opens a child", async ({ page }) => {
  await signIn(page, USERS.supervisor);
  await expect(page).toHaveURL(/\/demo\/caseload$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Caseload");
  const rows = page.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(10);
  // Only the supervisor's own teams.
  const teams = new Set(await page.locator("tbody tr td:nth-child(2)").allTextContents());
  for (const t of teams) expect(["North Locality", "Children in Care Team"]).toContain(t);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: /This term/ }).click();
  await expect(page).toHaveURL(/sort=term/);
  await expect(page.getByRole("columnheader", { name: /This term/ })).toHaveAttribute("aria-sort", "ascending");

  // Children with no register this term sort first; open the first child with a figure.
  const firstName = (await page.locator("tbody tr").filter({ hasText: "%" }).first().locator("th a").textContent())!;
  await page.getByLabel("Name or child id").fill(firstName);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.locator("tbody tr th a").first()).toHaveText(firstName);

  await page.locator("tbody tr th a", { hasText: firstName }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstName);
  await expect(page.getByRole("heading", { name: "Every session" })).toBeVisible();
  // The calendar shows each code as text, not colour alone.
  await expect(page.locator("abbr").first()).toHaveText(/\S/);
  await expectNoAxeViolations(page);
});

test("a practice supervisor cannot open a child outside their teams, nor the dashboard", async ({ page }) => {
  await signIn(page, USERS.vsh);
  await page.goto("/demo/caseload?q=&sort=name");
  // A VSH sees every team: find a child of a team the supervisor does not have.
  const row = page.locator("tbody tr", { has: page.locator("td:nth-child(2)", { hasText: "South Locality" }) }).first();
  const href = await row.locator("th a").getAttribute("href");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  // Signing out is a form post: wait for it to land, or the next sign-in races it and finds the VSH's session.
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, USERS.supervisor);
  expect((await page.goto(href!))?.status()).toBe(404);
  await page.goto("/demo");
  await expect(page).toHaveURL(/\/demo\/caseload$/);
});

test("a practice supervisor downloads their caseload as CSV, with the same rows as the page", async ({ page }) => {
  await signIn(page, USERS.supervisor);
  await page.goto("/demo/caseload?flag=pa");
  const status = await page.getByRole("status").filter({ hasText: /children?/ }).first().textContent();
  const count = Number(status!.match(/^([\d,]+)/)![1]!.replace(/,/g, ""));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download CSV/ }).click()]);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toContain("Child id");
  expect(lines.length - 1).toBe(count);
  expect(lines.slice(1).every((l) => l.includes(",Yes,"))).toBe(true); // all persistently absent
});
