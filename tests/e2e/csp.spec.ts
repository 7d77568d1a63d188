import { test, expect, type APIResponse, type Page, type Response } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { TENANTS } from "./demo-tenants";
import { OIDC_ACCOUNTS } from "./oidc/config";
import { onLocalhost, signIn, signInWithSso, USERS } from "./session";

// The content security policy an authority's penetration test asks for: no inline script runs unless
// it carries the nonce of its own response, a fresh one each time, so markup slipped into a page
// cannot run script. The proxy (proxy.ts) sets the policy; Next puts the nonce on its own scripts.

/** The policy of a page, directive by directive; the nonce stands where the response's own goes. */
const PAGE_POLICY = (nonce: string) => ({
  "default-src": ["'self'"],
  "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"],
  // recharts draws with inline styles.
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "frame-ancestors": ["'none'"],
  "form-action": ["'self'"],
  "base-uri": ["'self'"],
  "object-src": ["'none'"],
});

// Every response carries these; the browser tests run the production build, hence HSTS.
const SECURITY_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
};

type Policy = Record<string, string[]>;

function parsePolicy(header: string): Policy {
  const directives = header.split(";").map((d) => d.trim()).filter(Boolean);
  return Object.fromEntries(directives.map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name!.toLowerCase(), sources];
  }));
}

/** The response's Content-Security-Policy, which must be sent once: two policies would both apply. */
async function policyOf(response: Response | APIResponse): Promise<{ header: string; policy: Policy }> {
  const headers = (await response.headersArray()).filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(headers.map((h) => h.value), "one Content-Security-Policy header").toHaveLength(1);
  return { header: headers[0]!.value, policy: parsePolicy(headers[0]!.value) };
}

/** Checks the response's policy is the page policy with a nonce, and returns the nonce. */
async function expectNoncePolicy(response: Response | APIResponse): Promise<string> {
  const { header, policy } = await policyOf(response);
  expect(policy["script-src"], `script-src of ${header}`).not.toContain("'unsafe-inline'");
  const nonce = policy["script-src"]?.map((s) => /^'nonce-(.*)'$/.exec(s)?.[1]).find((n) => n !== undefined);
  expect(nonce, `a nonce in ${header}`).toBeDefined();
  // At least 128 random bits, in base64.
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22,}={0,2}$/);
  expect(policy).toEqual(PAGE_POLICY(nonce!));
  return nonce!;
}

function expectSecurityHeaders(response: Response | APIResponse) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], name).toBe(value);
}

/** The nonce attribute of each <script> element in the HTML as the server sent it. */
function scriptNonces(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => /\snonce="([^"]*)"/.exec(m[0])?.[1] ?? `no nonce: ${m[0]}`);
}

async function expectScriptsCarry(response: Response, nonce: string) {
  const nonces = scriptNonces(await response.text());
  expect(nonces.length).toBeGreaterThan(0);
  expect(nonces).toEqual(nonces.map(() => nonce));
}

/**
 * Collects the page's Content-Security-Policy violations, on every document it loads from now on. The
 * listener is installed before any of the page's own scripts run, so a blocked inline script is caught.
 */
async function watchPolicyViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportPolicyViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (e) => {
        const report = (window as unknown as { reportPolicyViolation: (v: string) => void }).reportPolicyViolation;
        report(`${e.documentURI}: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
      },
      true,
    );
  });
  return violations;
}

const PAGES: { who: "anonymous" | "vsh"; url: string; status: number }[] = [
  { who: "anonymous", url: "/", status: 200 },
  { who: "anonymous", url: "/sign-in", status: 200 },
  { who: "anonymous", url: "/sign-in?error=AccessDenied", status: 200 },
  { who: "anonymous", url: "/no/such/page", status: 404 },
  { who: "vsh", url: `/${TENANTS.home.slug}`, status: 200 },
  { who: "vsh", url: `/${TENANTS.home.slug}/caseload`, status: 200 },
  { who: "vsh", url: `/${TENANTS.home.slug}/children/${TENANTS.home.childRef}`, status: 200 },
  { who: "vsh", url: `/${TENANTS.home.slug}/gaps`, status: 200 },
  { who: "vsh", url: `/${TENANTS.home.slug}/targets`, status: 200 },
  { who: "vsh", url: `/${TENANTS.home.slug}/imports`, status: 200 },
  { who: "vsh", url: `/${TENANTS.home.slug}/users`, status: 200 },
  { who: "vsh", url: `/${TENANTS.home.slug}/audit`, status: 200 },
  // Another authority's child: the authority's own not-found page.
  { who: "vsh", url: `/${TENANTS.home.slug}/children/${TENANTS.other.childRef}`, status: 404 },
];

test.describe("each page's policy", () => {
  // The first visit to a dashboard on a freshly seeded database computes its figures from scratch.
  test.describe.configure({ timeout: 150_000 });
  const pages: Partial<Record<"anonymous" | "vsh", Page>> = {};
  test.beforeAll(async ({ browser }) => {
    pages.anonymous = await (await browser.newContext()).newPage();
    pages.vsh = await (await browser.newContext()).newPage();
    await signIn(pages.vsh, USERS.vsh);
  });
  test.afterAll(async () => {
    for (const page of Object.values(pages)) await page.context().close();
  });

  for (const { who, url, status } of PAGES) {
    test(`${url} (${who}): a nonce, no inline script without it, and on every script`, async () => {
      const page = pages[who]!;
      const response = (await page.goto(url))!;
      expect(response.status()).toBe(status);
      expect(new URL(page.url()).pathname).toBe(url.split("?")[0]);
      const nonce = await expectNoncePolicy(response);
      await expectScriptsCarry(response, nonce);
      expectSecurityHeaders(response);
      await expectNoAxeViolations(page);
    });
  }
});

test("a fresh nonce for every response", async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 3; i++) nonces.push(await expectNoncePolicy(await request.get("/sign-in")));
  expect(new Set(nonces).size).toBe(nonces.length);
});

test("route handlers carry the policy and the security headers; static files the security headers", async ({ page }) => {
  await signIn(page, USERS.vsh);
  const exported = await page.request.get(`/${TENANTS.home.slug}/export?format=csv&table=cohorts&window=year-to-date`);
  expect(exported.status()).toBe(200);
  await expectNoncePolicy(exported);
  expectSecurityHeaders(exported);

  const session = await page.request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  await expectNoncePolicy(session);
  expectSecurityHeaders(session);

  // The proxy does not run for the build's static files (it would cost each one a little for a
  // policy a script file does not use); they keep the security headers and a policy with no nonce.
  const html = await (await page.goto(`/${TENANTS.home.slug}`))!.text();
  const chunk = /<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(chunk).toBeDefined();
  const script = await page.request.get(chunk!);
  expect(script.status()).toBe(200);
  expectSecurityHeaders(script);
  const { policy } = await policyOf(script);
  expect(policy["script-src"]).toEqual(["'self'"]);
});

test("signing in and going through the main pages trips no policy", async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await signIn(page, USERS.vsh);
  await expect(page).toHaveURL(new RegExp(`/${TENANTS.home.slug}$`));
  // The chart is drawn in the browser: it is there only when the page's scripts ran.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Caseload", "Gap report", "Targets", "Imports", "Users", "Audit log", "Dashboard"]) {
    await nav.getByRole("link", { name }).click();
    await expect(nav.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
  }
  await page.goto(`/${TENANTS.home.slug}/children/${TENANTS.home.childRef}`);
  await expect(page.getByRole("heading", { name: "Every session" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect((await page.goto("/no/such/page"))?.status()).toBe(404);
  await page.getByRole("link", { name: "Go to the start page" }).click();
  await expect(page).toHaveURL(new RegExp(`/${TENANTS.home.slug}$`));
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(violations).toEqual([]);
});

test("single sign-on trips no policy", async ({ page, baseURL }) => {
  const APP = onLocalhost(baseURL);
  const violations = await watchPolicyViolations(page);
  await signInWithSso(page, APP, OIDC_ACCOUNTS.known);
  // The dashboard it lands on can take a while to compute on the embedded database.
  await expect(page).toHaveURL(`${APP}/${TENANTS.home.slug}`, { timeout: 45_000 });
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  // The identity provider's own pages are not this app's to answer for.
  expect(violations.filter((v) => v.startsWith(APP))).toEqual([]);
});
