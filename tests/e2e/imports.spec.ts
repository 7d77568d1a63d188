import { test, expect } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn, USERS } from "./session";

// Children with no status: they join no cohort, so the other journeys' figures are unaffected.
const CHILDREN = [
  "child_id,upn,first_name,last_name,date_of_birth,sex",
  "E2E-1,,Test,One,2015-03-04,F",
  'E2E-2,,"Test, with comma",Two,31/02/2015,M',
  "E2E-3,,Test,Three,2014-11-30,X",
].join("\r\n");

test("a virtual school head imports a file, sees each rejected row and downloads them", async ({ page }) => {
  await signIn(page, USERS.vsh);
  await page.goto("/demo/imports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Imports");
  await expectNoAxeViolations(page);

  await page.getByLabel("File", { exact: true }).selectOption("children");
  await page.getByLabel("CSV file").setInputFiles({ name: "children.csv", mimeType: "text/csv", buffer: Buffer.from(CHILDREN) });
  await page.getByRole("button", { name: "Import" }).click();
  const result = page.getByRole("region", { name: /Import finished/ });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result.getByTestId("import-counts")).toContainText("2 rejected");
  const rejected = result.getByRole("table", { name: /Rejected rows/ });
  await expect(rejected.getByRole("row", { name: /^3 / })).toContainText("date_of_birth");
  await expect(rejected.getByRole("row", { name: /^4 / })).toContainText("sex");
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent("download"), result.getByRole("link", { name: /Download the rejected rows/ }).click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text).toMatch(/line,column,reason/);
  expect(text).toMatch(/^3,date_of_birth,/m);

  // Importing the same file again changes nothing.
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-counts")).toContainText("0 new, 0 updated, 1 unchanged, 2 rejected");
  await expect(page.getByRole("table", { name: /Imports of this authority/ }).getByRole("row")).not.toHaveCount(1);
});

test("a file with a missing required column is refused whole, with the reason", async ({ page }) => {
  await signIn(page, USERS.vsh);
  await page.goto("/demo/imports");
  await page.getByLabel("File", { exact: true }).selectOption("attendance");
  await page.getByLabel("CSV file").setInputFiles({ name: "attendance.csv", mimeType: "text/csv", buffer: Buffer.from("upn,date,session,code\r\nA123,2026-01-05,AM,/\r\n") });
  await page.getByRole("button", { name: "Import" }).click();
  const result = page.getByRole("region", { name: /not imported/ });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toContainText("school_urn");
});

test("imports are for virtual school heads only", async ({ page, baseURL }) => {
  await signIn(page, USERS.leader);
  expect((await page.goto("/demo/imports"))?.status()).toBe(404);
  // The app's own origin, whatever port the tests run on, so the refusal is the permission's.
  const res = await page.request.post("/demo/imports/upload?kind=children&name=x.csv", { data: CHILDREN, headers: { "Content-Type": "text/csv", Origin: new URL(baseURL!).origin } });
  expect(res.status()).toBe(404);
});
