import { test, expect, type Browser } from "@playwright/test";
import { signIn, USERS } from "./session";

// Sign-out ends the session on the server (security issue, finding 3): a copy of the cookie taken
// before sign-out opens nothing afterwards, and "Sign out everywhere" ends the account's other sessions.

async function replay(browser: Browser, cookies: Awaited<ReturnType<import("@playwright/test").BrowserContext["cookies"]>>, path: string) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto(path);
  const url = page.url();
  await context.close();
  return url;
}

test("a cookie copied before sign-out gets the sign-in page afterwards", async ({ page, browser }) => {
  await signIn(page, USERS.supervisor);
  const copied = await page.context().cookies();
  // The copy works while the session is live...
  expect(await replay(browser, copied, "/demo/caseload")).toMatch(/\/demo\/caseload$/);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  // ...and not once it has been signed out.
  expect(await replay(browser, copied, "/demo/caseload")).toMatch(/\/sign-in$/);
});

test("sign out everywhere ends the account's sessions in other browsers", async ({ page, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, USERS.leader);
  await signIn(page, USERS.leader);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await otherPage.goto("/demo");
  await expect(otherPage).toHaveURL(/\/sign-in$/);
  await other.close();
});
