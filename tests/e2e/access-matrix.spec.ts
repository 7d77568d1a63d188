import { test, expect, type Page } from "@playwright/test";
import { NORTHSHIRE } from "@/prisma/seed/demo";
import { expectNoAxeViolations } from "./axe";
import { TENANTS } from "./demo-tenants";
import { PASSWORD, USERS } from "./session";
import { pageOutcome, PAGE_ROWS, type PageOutcome } from "../access/pages";
import { ROUTE_ROWS } from "../access/routes";
import { decide, type ActorKey } from "../access/actors";

// Every page and route handler of the app, visited in Chromium as each actor: anonymous, the VSH of
// another authority (Northshire, seeded beside the demo), and each demo role. Allowed pages answer 200
// and pass axe; denied ones answer 404 or send to sign-in. The rows are tests/access/pages.ts and
// routes.ts, shared with the integration layer. (Server actions are covered there, by runTenantAction.)

const E2E_ACTORS: { actor: ActorKey; email: string | null }[] = [
  { actor: "anonymous", email: null },
  { actor: "otherTenant", email: `vsh@${NORTHSHIRE.slug}.test` },
  { actor: "vsh", email: USERS.vsh },
  { actor: "supervisor", email: USERS.supervisor },
  { actor: "leader", email: USERS.leader },
];

const ROUTE_STATUS = { allowed: 200, signin: 401, notfound: 404, forbidden: 404 } as const;
const describeOutcome = (o: PageOutcome) => (typeof o === "string" ? o : `redirect to ${o.redirect(TENANTS)}`);

const CELLS = (PAGE_ROWS.length + ROUTE_ROWS.length) * E2E_ACTORS.length;

async function signInAs(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // The landing page (a dashboard) can take a while to compute on the embedded database.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 45_000 });
}

for (const { actor, email } of E2E_ACTORS) {
  test.describe(`as ${actor}`, () => {
    // The first visit to a dashboard on a freshly seeded database computes its figures from scratch.
    test.describe.configure({ timeout: 150_000 });
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      // A context of its own per actor (axe needs a page of a context made by the test).
      page = await (await browser.newContext()).newPage();
      if (email) await signInAs(page, email);
    });
    test.afterAll(async () => page?.context().close());

    for (const row of PAGE_ROWS) {
      const url = row.url(TENANTS);
      const outcome = pageOutcome(row, actor);
      test(`${url}: ${describeOutcome(outcome)}`, async () => {
        const res = await page.goto(url);
        const path = new URL(page.url()).pathname;
        if (outcome === "ok") {
          expect(res?.status()).toBe(200);
          expect(path).toBe(url.split("?")[0]);
          await expectNoAxeViolations(page);
        } else if (outcome === "notfound") {
          expect(res?.status()).toBe(404);
          // Not even the authority's name is admitted to someone from another one.
          if (actor === "otherTenant") await expect(page.getByText("Demoshire")).toHaveCount(0);
        } else if (outcome === "signin") {
          expect(path).toBe("/sign-in");
        } else {
          expect(path).toBe(outcome.redirect(TENANTS));
        }
      });
    }

    for (const row of ROUTE_ROWS) {
      const url = `/${TENANTS.home.slug}${row.path(TENANTS.home)}`;
      const decision = decide(actor, row.capability);
      test(`${row.method} ${url}: ${ROUTE_STATUS[decision]}`, async () => {
        const res = await page.request.fetch(url, { method: row.method, maxRedirects: 0 });
        expect(res.status()).toBe(ROUTE_STATUS[decision]);
        if (decision !== "allowed") expect(await res.text()).not.toMatch(/,|DS\d{6}/);
      });
    }
  });
}

test("the browser matrix's size", () => {
  console.log(`access matrix (browser): ${CELLS} cells = (${PAGE_ROWS.length} page URLs + ${ROUTE_ROWS.length} route handlers) x ${E2E_ACTORS.length} actors`);
  expect(CELLS).toBeGreaterThan(0);
});
