import { test, expect } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn, USERS } from "./session";

test("the home page introduces the product and offers sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Virtual School Attendance");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a tenant page sends an anonymous visitor to sign in", async ({ page }) => {
  await page.goto("/demo");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expectNoAxeViolations(page);
});

test("the virtual school head lands on the demo dashboard with cohort counts from the database", async ({ page }) => {
  await signIn(page, USERS.vsh);
  await expect(page).toHaveURL(/\/demo$/);
  await expect(page.getByText("Demoshire Virtual School")).toBeVisible();
  const all = page.locator('li[data-cohort="ALL"] [data-measure="children"]');
  await expect(all).toHaveText(/^\d[\d,]*$/);
  expect(Number((await all.textContent())!.replace(/,/g, ""))).toBeGreaterThan(500);
  await expectNoAxeViolations(page);
});

test("an unknown tenant is not found", async ({ page }) => {
  await signIn(page, USERS.vsh);
  const res = await page.goto("/no-such-authority");
  expect(res?.status()).toBe(404);
  await expectNoAxeViolations(page);
});
