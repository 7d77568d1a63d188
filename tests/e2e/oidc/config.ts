// The single sign-on test's identity provider: a real OpenID Connect provider (the `oidc-provider`
// package) started by Playwright beside the app (playwright.config.ts), and the app's settings for it.
// Test values only: this client and these accounts exist only on the test machine's localhost.
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3101);
export const OIDC_ISSUER = `http://localhost:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "vs-attendance-e2e";
export const OIDC_CLIENT_SECRET = "e2e-only-client-secret-not-used-anywhere-else";

/** The provider's own accounts (login = email). Only the first has an account in the app. */
export const OIDC_ACCOUNTS = {
  known: { email: "leader@demo.test", name: "Lee Leader", password: "sso-password-1" },
  stranger: { email: "stranger@elsewhere.test", name: "Sam Stranger", password: "sso-password-2" },
} as const;
