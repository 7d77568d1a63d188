// The command line of DATA-CONTRACT.md: `npm run cli -- <command> ...` (usage in help.ts).
// Commands are loaded when named, so `--help` starts quickly. Each command parses and validates its own arguments before the database is opened, so a mistyped
// command line fails fast and never touches the data.
import { closeDb, connectAsOwner, db, rawDb } from "@/lib/db/client";
import { CliError, EXIT, usageError, type ExitCode } from "./errors";
import { MAIN_HELP } from "./help";

const out = (text: string) => void process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
const err = (text: string) => void process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
// The command line is the operator's tool on the database host: it connects as the schema's owner
// (tenant create needs it); tenant-scoped work still runs as vs_app under row-level security.
const database = () => {
  connectAsOwner();
  return { prisma: db(), raw: rawDb() };
};

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case "help":
    case "--help":
    case "-h":
      return out(MAIN_HELP);
    case "tenant":
      return (await import("./tenant-command")).tenantCommand(rest, () => database().prisma, out);
    case "import":
      return (await import("./import-command")).importCommand(rest, database, out, err);
    case "report":
      return (await import("./report-command")).reportCommand(rest, database, out);
    default:
      throw usageError(`Unknown command "${command}". The commands are tenant, import and report; see --help.`);
  }
}

/** A database error in words a person can act on; credentials in DATABASE_URL are never printed. */
function explain(e: unknown): string {
  const code = typeof e === "object" && e !== null ? (e as { code?: unknown }).code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  if (code === "42P01" || /relation "[^"]+" does not exist|table .* does not exist/i.test(message)) {
    return 'The database has no tables yet, or an older schema: run "npm run db:migrate" with the same DATABASE_URL.';
  }
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || /ECONNREFUSED|ENOTFOUND/.test(message)) {
    return "Cannot reach the PostgreSQL server that DATABASE_URL names. Is it running?";
  }
  return `Unexpected error: ${message}`;
}

async function main(): Promise<ExitCode> {
  let code: ExitCode = EXIT.OK;
  try {
    await run(process.argv.slice(2));
  } catch (e) {
    if (e instanceof CliError) {
      err(e.message);
      if (e.exitCode === EXIT.USAGE) err('Run "npm run cli -- --help" for usage.');
      code = e.exitCode;
    } else {
      err(explain(e));
      code = EXIT.FAILED;
    }
  } finally {
    await closeDb().catch(() => {});
  }
  return code;
}

main().then((code) => process.exit(code));
