// The pure domain rules of attendance: no I/O, no database, no React. Everything else imports from here.
export * from "./dates";
export * from "./codes";
export * from "./measures";
export * from "./cohorts";
export * from "./windows";
export * from "./characteristics";
export * from "./report-keys";
export * from "./report";
export * from "./upn";
export * from "./falling";
export * from "./gaps";
export * from "./targets";
export * from "./rounding";
