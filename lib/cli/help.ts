// The usage text of the command line: the README of lib/cli, printed by --help.
import { EXIT } from "./errors";

export const MAIN_HELP = `Attendance of children with a social worker: command line

Usage (from the project root):
  npm run cli -- tenant create --slug <slug> --name "<name>"
  npm run cli -- import <children|statuses|attendance> --tenant <slug> --file <path.csv>
  npm run cli -- report --tenant <slug> --from YYYY-MM-DD --to YYYY-MM-DD [--attribution ever|during] [--json]
  npm run cli -- <command> --help

Commands:
  tenant create   Create a tenant (one local authority). The slug names it in every other command
                  and in the web address: lower-case letters, digits and hyphens.
  import          Import one CSV file (children, statuses or attendance; the columns are in
                  docs/data-contract.md).
                  Rows are upserted by their key, so importing the same file again changes nothing.
                  Prints one JSON line at the end on stdout:
                    {"inserted":N,"updated":N,"unchanged":N,"rejected":N,"unmatched":N}
                  Rejected rows, warnings and the reason a file is refused go to stderr in plain
                  English. Progress is shown on stderr when stderr is a terminal.
  report          Attendance figures of a tenant for a window (both dates inclusive): every cohort
                  (ALL, CIN, CP, CLA, PLAC, KIN), the characteristics of ALL, and per child.
                  --attribution ever   (default) as the DfE statistics: all of a child's sessions in the
                                       window, in the highest of CIN/CP/CLA held at any time in it
                  --attribution during each day's sessions go to the status held that day
                  --json               the report JSON of docs/data-contract.md (for scripts and
                                       Power BI); without it, readable tables

Database:
  DATABASE_URL names it, as for the web app: pglite:<dir>, pglite:memory or postgresql://...
  (default pglite:./.data/pglite). Run "npm run db:migrate" first to create or update its tables.
  A PGlite directory must not be open in another process (e.g. the web server) at the same time.

Exit codes:
  ${EXIT.OK}  done (an import that rejected some rows but read the file also exits ${EXIT.OK})
  ${EXIT.FAILED}  unexpected failure (database unreachable, import crashed and was rolled back)
  ${EXIT.USAGE}  bad command line: unknown command or option, missing or malformed argument, bad date
  ${EXIT.TENANT}  unknown tenant, or tenant create with a slug that is already taken
  ${EXIT.REFUSED}  import refused the whole file (structural error); nothing was written
`;

export const TENANT_HELP = `Usage: npm run cli -- tenant create --slug <slug> --name "<name>"

Creates a tenant (one local authority).
  --slug   lower-case letters, digits and hyphens, 2 to 50 characters, e.g. "north-shire"
  --name   the authority's name as shown to users, e.g. "North Shire Council"
Exit code ${EXIT.TENANT} when the slug is already taken.
`;

export const IMPORT_HELP = `Usage: npm run cli -- import <children|statuses|attendance> --tenant <slug> --file <path.csv>

Imports one CSV file into the tenant. Import children before their statuses and attendance: a status
row of an unknown child is rejected, an attendance row of an unknown UPN is kept aside as unmatched.
Prints one JSON line at the end on stdout:
  {"inserted":N,"updated":N,"unchanged":N,"rejected":N,"unmatched":N}
Exit code ${EXIT.OK} when the file was read (even with rejected rows: they are listed on stderr),
${EXIT.REFUSED} when the whole file was refused (nothing written; the reason is on stderr).
`;

export const REPORT_HELP = `Usage: npm run cli -- report --tenant <slug> --from YYYY-MM-DD --to YYYY-MM-DD [--attribution ever|during] [--json]

Attendance of the tenant's children with a social worker over a window (both dates inclusive).
  --attribution ever    (default) a child's sessions of the whole window count, in the highest of
                        CIN/CP/CLA held at any time in it (as the DfE statistics)
  --attribution during  each day's sessions count in the status held that day
  --json                the report JSON of docs/data-contract.md; without it, readable tables
`;
