// What Auth.js reports goes to the server log as one line: a failed sign-in is expected traffic, not a
// stack trace, and nothing the person typed is in it.
export function logAuthError(error: Error): void {
  const cause = (error as Error & { cause?: { err?: unknown } }).cause?.err;
  const type = (error as Error & { type?: string }).type ?? error.name;
  const detail = cause instanceof Error ? `${cause.name}: ${firstLine(cause.message)}` : firstLine(error.message).replace(/\s*Read more at .*$/, "");
  console.error(`[auth] ${type}${detail && detail !== type ? `: ${detail}` : ""}`);
}

function firstLine(text: string): string {
  return (text ?? "").split("\n")[0]!.slice(0, 300);
}
