// Termly targets (app/(app)/[tenant]/targets): reading, changing (audited), and progress against the
// engine's figures (compared exactly by lib/attendance/targets.ts).
export { listTargets, schoolOptions, targetYears, type SchoolOption, type TargetRow } from "./queries";
export { copyLastYearsTargets, deleteTarget, saveTarget, type TargetSaved, type TargetsCopied } from "./mutations";
export { targetProgress, termProgress, type ProgressState, type TargetProgress, type TermProgress, type TermState } from "./progress";
