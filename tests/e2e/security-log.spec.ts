import { test, expect } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn, USERS } from "./session";

// Refused and cross-tenant attempts reach the security log of the authority they were made on, where
// its virtual school head reads them (security issue, finding 6). Someone of another authority is not named.

test("a refused page and another authority's attempt are in the VSH's security log", async ({ browser, page }) => {
  const leader = await browser.newContext();
  const leaderPage = await leader.newPage();
  await signIn(leaderPage, USERS.leader);
  const refused = await leaderPage.goto("/demo/users");
  expect(refused?.status()).toBe(404);
  await leader.close();

  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await signIn(strangerPage, "vsh@northshire.test");
  const crossTenant = await strangerPage.goto("/demo/caseload");
  expect(crossTenant?.status()).toBe(404);
  await stranger.close();

  await signIn(page, USERS.vsh);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Security log" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Security log");
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: USERS.leader }).filter({ hasText: "users.manage" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "Someone who is not a member of this authority" }).first()).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("northshire");
  await expectNoAxeViolations(page);
});
