import os from "node:os";

// Who ran a command-line import, as the ImportRun and the audit log record it: "cli:<operating-system
// user>", so that a file loaded from a server's shell is as attributable as an upload. userInfo() throws
// where the process's user has no account entry (some containers); the actor is then plain "cli", as
// entries written before the user was recorded are.

/** The longest user name kept; the rest of a longer one adds nothing to the log. */
const MAX_NAME = 64;

export const CLI_ACTOR = "cli";

export function cliActor(userInfo: () => { username: string } = os.userInfo): string {
  let name = "";
  try {
    name = userInfo().username;
  } catch {
    return CLI_ACTOR;
  }
  // The name is shown on the audit page: no control characters, no surrounding space.
  const clean = name.replace(/[\p{Cc}\p{Cf}]/gu, "").trim().slice(0, MAX_NAME);
  return clean ? `${CLI_ACTOR}:${clean}` : CLI_ACTOR;
}
