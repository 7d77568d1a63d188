import { test, expect } from "@playwright/test";
import { signIn, USERS } from "./session";

// A hand-typed URL that cannot name a record is not found. Each of these once answered 500: the first
// from the database, the others from Next's router, which cannot decode the segment (proxy.ts answers
// them now; tests/integration/url-params.test.ts checks the loaders behind the page and route).
const URLS = [
  "/demo/imports/99999999999999999999/rejected", // an id past the database's integer range
  "/demo/children/%E0%A4%A", // a %-escape cut short
  "/demo/children/%00", // a NUL, which no database text holds
  "/%E0%A4%A/caseload", // the tenant's segment
];

test("a URL that cannot name a record answers 404, not 500", async ({ page }) => {
  await signIn(page, USERS.vsh);
  for (const url of URLS) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(404);
  }
  // The not-found page, not an error page, is what a person sees.
  await page.goto(URLS[1]!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});
