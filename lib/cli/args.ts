// Parsing of the command line: node's parseArgs splits it, zod checks each command's arguments, and
// every problem becomes one plain-English usage error.
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";
import { usageError } from "./errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

export type Parsed = { positionals: string[]; values: Record<string, string | boolean | undefined> };

/** Splits argv; an unknown option, a missing value or a repeated option is a usage error. */
export function split(args: string[], options: Options): Parsed {
  try {
    const { positionals, values } = parseArgs({ args, options: { help: { type: "boolean", short: "h" }, ...options }, allowPositionals: true, strict: true });
    return { positionals, values: values as Parsed["values"] };
  } catch (e) {
    // parseArgs' own messages name the option ("Unknown option '--form'"); drop its hint about "--".
    const message = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, "") : String(e);
    throw usageError(message);
  }
}

/** Validates parsed arguments; each problem is reported as "--option problem" (e.g. "--to is required"). */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return name ? `--${name} ${issue.message}` : issue.message;
  });
  throw usageError(lines.join("\n"));
}
