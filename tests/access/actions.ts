import type { z } from "zod";
import type { Capability } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/tenant-context";
import type { AuditAction } from "@/lib/audit/record";
import { USER_ACTIONS } from "@/lib/users/actions";
import type { AccessFixture } from "../helpers/access-fixture";

// Every server action of the app, as the [capability, schema, handler] triple its actions.ts passes to
// tenantAction(...). The matrix (tests/integration/access-actions.test.ts) runs each through
// runTenantAction as every actor; a meta-test fails when an exported action has no row here.
// To add an action: export its triple from lib/<feature>/, write `export const x = tenantAction(...TRIPLE)`
// in actions.ts, and add a row with an input that succeeds for an allowed actor.

export type ActionDef = readonly [Capability, z.ZodType, (input: never, ctx: TenantContext) => Promise<unknown>];
export type FormInput = Record<string, string | string[]>;

export type ActionRow = {
  file: string;
  name: string;
  /** The permission the action must demand (the test checks the definition demands exactly this). */
  capability: Capability;
  /** How actions.ts spells the definition: `tenantAction(...${defName})`. */
  defName: string;
  def: ActionDef;
  /** Input that succeeds for an allowed actor; n differs on every call. */
  input: (fx: AccessFixture, n: number) => FormInput;
  /**
   * Input naming another tenant's record (in the home tenant's form): refused for every actor, the VSH
   * included, and the other tenant's data left as it was.
   */
  foreignInput?: (fx: AccessFixture) => FormInput;
  /** The audit entry a successful call writes. */
  audit: AuditAction;
};

const USERS_FILE = "app/(app)/[tenant]/users/actions.ts";

export const ACTION_ROWS: ActionRow[] = [
  {
    file: USERS_FILE,
    name: "addUser",
    capability: "users.manage",
    defName: "USER_ACTIONS.addUser",
    def: USER_ACTIONS.addUser,
    input: (fx, n) => ({ email: `new-${n}@matrix.test`, name: `New ${n}`, role: "PRACTICE_SUPERVISOR", teamIds: [String(fx.home.teamIds[1])] }),
    foreignInput: (fx) => ({ email: "foreign-team@matrix.test", name: "Foreign team", role: "PRACTICE_SUPERVISOR", teamIds: [String(fx.other.teamIds[0])] }),
    audit: "user.add",
  },
  {
    file: USERS_FILE,
    name: "updateUser",
    capability: "users.manage",
    defName: "USER_ACTIONS.updateUser",
    def: USER_ACTIONS.updateUser,
    input: (fx) => ({ userId: fx.target.id, role: "PRACTICE_SUPERVISOR", teamIds: [String(fx.home.teamIds[0])] }),
    foreignInput: (fx) => ({ userId: fx.otherMember.id, role: "VSH" }),
    audit: "user.update",
  },
  {
    file: USERS_FILE,
    name: "setUserActive",
    capability: "users.manage",
    defName: "USER_ACTIONS.setUserActive",
    def: USER_ACTIONS.setUserActive,
    input: (fx) => ({ userId: fx.target.id, active: "false" }),
    foreignInput: (fx) => ({ userId: fx.otherMember.id, active: "false" }),
    audit: "user.deactivate",
  },
];

/**
 * Actions whose allow/deny matrix lives in their own test (every role, another tenant, another
 * tenant's school), because they create records rather than act on one of the fixture's. The
 * meta-test checks the named test file exists and exercises the action.
 */
export const ACTIONS_TESTED_ELSEWHERE: Record<string, Record<string, string>> = {
  "app/(app)/[tenant]/targets/actions.ts": {
    saveTarget: "tests/integration/targets-actions.test.ts",
    deleteTarget: "tests/integration/targets-actions.test.ts",
    copyTargets: "tests/integration/targets-actions.test.ts",
  },
};

/** Server actions outside the tenant wrapper, and why. */
export const PUBLIC_ACTIONS: Record<string, Record<string, string>> = {
  "app/(auth)/sign-in/actions.ts": {
    signInWithPassword: "sign-in itself: throttled, same answer for every failure (tests/integration/sign-in.test.ts)",
    signInWithOidc: "starts single sign-on (tests/e2e/oidc.spec.ts)",
  },
  "lib/auth/session-actions.ts": {
    signOutAction: "ends the caller's own session (tests/integration/sessions.test.ts, tests/e2e/session-revocation.spec.ts)",
    signOutEverywhereAction: "ends the caller's own sessions (tests/integration/sessions.test.ts, tests/e2e/session-revocation.spec.ts)",
  },
};
