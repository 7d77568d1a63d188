import { expect, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";
export const USERS = {
  vsh: "vsh@demo.test",
  supervisor: "supervisor@demo.test",
  leader: "leader@demo.test",
} as const;

/** Signs in through the real sign-in form, as a person would. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // The first sign-in after the server starts compiles and warms up more than later ones.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}
