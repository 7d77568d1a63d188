import { afterEach, describe, expect, it, vi } from "vitest";
import { CredentialsSignin } from "@auth/core/errors";
import { logAuthError } from "@/lib/auth/log";

// A failed sign-in writes one line to the server log, not a stack trace (security issue, finding 7).
describe("logAuthError", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs a failed sign-in as one line, with no stack and nothing typed", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    const e = new CredentialsSignin();
    expect(e.stack?.split("\n").length).toBeGreaterThan(1);
    logAuthError(e);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.split("\n")).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[auth\] CredentialsSignin/);
    expect(lines[0]).not.toContain("    at ");
  });

  it("an error with a cause names the cause's first line only", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    const e = Object.assign(new Error("outer"), { type: "CallbackRouteError", cause: { err: new Error("database down\nwith detail") } });
    logAuthError(e);
    expect(lines).toEqual(["[auth] CallbackRouteError: Error: database down"]);
  });
});
