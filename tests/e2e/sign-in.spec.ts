import { test, expect } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn, USERS } from "./session";

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(USERS.leader);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toBeVisible();
  const wrongPassword = await alert.textContent();
  await expectNoAxeViolations(page);

  await page.getByLabel("Email address").fill("nobody-here@demo.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  await expect(alert).toHaveText(wrongPassword!);
});

test("sign out ends the session", async ({ page }) => {
  await signIn(page, USERS.vsh);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/demo");
  await expect(page).toHaveURL(/\/sign-in$/);
});
