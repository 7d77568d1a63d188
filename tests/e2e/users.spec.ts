import { test, expect } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn, USERS } from "./session";

// The VSH manages the authority's users: adds one with an initial password, changes the role,
// deactivates and reactivates; the new person signs in with that password.

test("the VSH adds a practice supervisor, changes their role, deactivates and reactivates them", async ({ page, browser }) => {
  const email = `new-${Date.now()}@demo.test`;
  const name = `Nia New ${Date.now() % 100000}`;
  const password = "a long initial e2e password";
  await signIn(page, USERS.vsh);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/demo\/users$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");
  await expect(page.locator(`tr[data-user="${USERS.vsh}"]`)).toContainText("(you)");
  await expectNoAxeViolations(page);

  // A supervisor needs a team: the form says so beside the teams.
  const add = page.getByRole("form", { name: "Add a user" });
  await add.getByLabel("Email address").fill(email.toUpperCase());
  await add.getByLabel("Name", { exact: true }).fill(name);
  await add.getByLabel("Role", { exact: true }).selectOption("PRACTICE_SUPERVISOR");
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(add.getByText("Choose at least one team for a practice supervisor")).toBeVisible();
  await expectNoAxeViolations(page);

  // What was typed is still there after the refusal.
  await expect(add.getByLabel("Email address")).toHaveValue(email.toUpperCase());
  await add.getByLabel("South Locality").check();
  await add.getByLabel("Initial password (optional)").fill(password);
  await add.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added." })).toBeVisible();
  const row = page.locator(`tr[data-user="${email}"]`);
  await expect(row.locator('[data-field="role"]')).toHaveText("Practice supervisor");
  await expect(row.locator('[data-field="teams"]')).toHaveText("South Locality");
  // The password is never shown again.
  await expect(page.getByLabel("Initial password (optional)")).toHaveValue("");

  // The new person signs in with the initial password and lands on their teams' caseload.
  const theirs = await browser.newPage();
  await signIn(theirs, email, password);
  await expect(theirs).toHaveURL(/\/demo\/caseload$/);
  await theirs.close();

  await row.getByText("Role and teams").click();
  const edit = page.getByRole("form", { name: `Change role or teams of ${name}` });
  await edit.getByLabel("Role", { exact: true }).selectOption("SENIOR_LEADER");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(row.locator('[data-field="role"]')).toHaveText("Senior leader");
  await expectNoAxeViolations(page);

  await row.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(row.locator('[data-field="status"]')).toHaveText("Deactivated");
  const denied = await browser.newPage();
  await signIn(denied, email, password);
  // Signed in, but a member of no authority any more.
  await expect(denied.getByRole("status")).toContainText("not a member of any authority");
  await denied.close();

  await row.getByRole("button", { name: `Reactivate ${name}` }).click();
  await expect(row.locator('[data-field="status"]')).toHaveText("Active");

  // Each change is in the audit log.
  await page.goto("/demo/audit");
  for (const action of ["user.add", "user.update", "user.deactivate", "user.reactivate"]) {
    await expect(page.locator(`tr[data-action="${action}"]`).filter({ hasText: email }).first()).toBeVisible();
  }
});

test("the VSH cannot deactivate or demote themselves", async ({ page }) => {
  await signIn(page, USERS.vsh);
  await page.goto("/demo/users");
  const self = page.locator(`tr[data-user="${USERS.vsh}"]`);
  await expect(self.getByRole("button", { name: /^Deactivate/ })).toHaveCount(0);
  await self.getByText("Role and teams").click();
  await expect(self.getByText("Your own role can only be changed by another virtual school head.")).toBeVisible();
  await expect(self.getByLabel("Role", { exact: true })).toHaveCount(0);
});
