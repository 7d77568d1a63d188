import { test, expect } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { onLocalhost, signIn, signInWithSso, USERS } from "./session";
import { OIDC_ACCOUNTS, OIDC_ISSUER } from "./oidc/config";

// Single sign-on end to end: the app (started with AUTH_OIDC_* pointing at it, playwright.config.ts)
// and a real OpenID Connect provider on localhost (tests/e2e/oidc/provider.ts). Code flow with PKCE,
// state and nonce; the provider's ID token names the email; the app admits only people it knows.
//
// This journey uses http://localhost rather than the other tests' http://127.0.0.1. Auth.js takes the
// redirect URI it sends to the provider from the Host header (the sign-in server action), but the one
// it presents with the code from the request URL of its route handler, and Next reports that URL with
// the hostname "localhost" for any loopback address. On localhost both agree. (In production the
// hostname is not rewritten, but the route handler's URL still ignores the Host header: AUTH_URL must
// name the public address there.)

test("a person the app knows signs in through the identity provider and lands on their authority", async ({ page, baseURL }) => {
  const APP = onLocalhost(baseURL);
  await page.goto(`${APP}/sign-in`);
  await expectNoAxeViolations(page);
  await signInWithSso(page, APP, OIDC_ACCOUNTS.known);
  // The dashboard it lands on can take a while to compute on the embedded database.
  await expect(page).toHaveURL(`${APP}/demo`, { timeout: 45_000 });
  await expect(page.getByText("Demoshire Virtual School")).toBeVisible();
  await expect(page.getByText(`${OIDC_ACCOUNTS.known.name} · Senior leader`)).toBeVisible();

  // The sign-in is in the authority's audit log, as single sign-on.
  const vsh = await (await page.context().browser()!.newContext()).newPage();
  await signIn(vsh, USERS.vsh);
  await vsh.goto("/demo/audit?action=auth.signin");
  const row = vsh.locator('tr[data-action="auth.signin"]').filter({ hasText: OIDC_ACCOUNTS.known.email }).first();
  await expect(row).toContainText("method: oidc");
  await vsh.context().close();
});

test("a person with no account here is refused after the provider signs them in", async ({ page, baseURL }) => {
  const APP = onLocalhost(baseURL);
  await signInWithSso(page, APP, OIDC_ACCOUNTS.stranger);
  await expect(page).toHaveURL(`${APP}/sign-in?error=AccessDenied`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Single sign-on worked, but there is no active account here for that email address. Ask your virtual school head to add you.",
  );
  await expectNoAxeViolations(page);
  // And is not signed in.
  await page.goto(`${APP}/demo`);
  await expect(page).toHaveURL(`${APP}/sign-in`);
});

test("a wrong password at the provider goes no further", async ({ page, baseURL }) => {
  await signInWithSso(page, onLocalhost(baseURL), { email: OIDC_ACCOUNTS.known.email, password: "not-it" });
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
});
