import { expect, type Page } from "@playwright/test";
import { OIDC_ISSUER } from "./oidc/config";

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

/** The app's address on localhost, where the single sign-on journeys run (see tests/e2e/oidc.spec.ts). */
export const onLocalhost = (baseURL: string | undefined) => baseURL!.replace("127.0.0.1", "localhost");

/** Signs in with the single sign-on button and the test identity provider's own form. */
export async function signInWithSso(page: Page, APP: string, account: { email: string; password: string }) {
  await page.goto(`${APP}/sign-in`);
  await page.getByRole("button", { name: /^Sign in with / }).click();
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Continue" }).click();
}
