import { describe, expect, it } from "vitest";
import { commandLineLabel } from "@/lib/audit/describe";
import { cliActor } from "@/lib/cli/actor";

// A command-line import names the operating-system user who ran it, and the audit log and import
// history show that in words.
describe("the actor of a command-line import", () => {
  const noAccount = () => {
    throw new Error("ENOENT: no such file or directory, uv_os_get_passwd");
  };

  it("is cli:<operating-system user>", () => {
    expect(cliActor(() => ({ username: "alice" }))).toBe("cli:alice");
  });

  it("is plain cli when the user has no account entry or no name", () => {
    expect(cliActor(noAccount)).toBe("cli");
    expect(cliActor(() => ({ username: "  " }))).toBe("cli");
  });

  it("keeps no control characters and no more than 64 characters of a name", () => {
    expect(cliActor(() => ({ username: "ev\u001b[31mil\n" }))).toBe("cli:ev[31mil");
    expect(cliActor(() => ({ username: "x".repeat(100) }))).toBe(`cli:${"x".repeat(64)}`);
  });
});

describe("commandLineLabel", () => {
  it.each([
    ["cli:alice", "Command line (alice)"],
    ["cli", "Command line"],
    ["4b0c8a52-8f0e-4a57-9c1e-0d6b8a0f1e2d", null],
  ])("%s reads %s", (actor, label) => {
    expect(commandLineLabel(actor)).toBe(label);
  });
});
