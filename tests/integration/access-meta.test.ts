import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_ROWS, ACTIONS_TESTED_ELSEWHERE, PUBLIC_ACTIONS } from "../access/actions";
import { PUBLIC_ROUTES, ROUTE_ROWS, ROUTES_TESTED_ELSEWHERE } from "../access/routes";
import { PAGE_ROWS } from "../access/pages";
import { CAPABILITIES, PERMISSIONS } from "@/lib/auth/permissions";
import { SPEC } from "../access/actors";

// The access matrix covers everything the app exposes: every exported server action, route handler
// and page under app/ has a row in tests/access/, and each row names the definition the app uses.

const APP = path.resolve("app");

function filesNamed(name: RegExp): string[] {
  return (fs.readdirSync(APP, { recursive: true }) as string[])
    .filter((f) => name.test(path.basename(f)))
    .map((f) => path.posix.join("app", f.split(path.sep).join("/")))
    .sort();
}

const read = (file: string) => fs.readFileSync(file, "utf8");
const exportsOf = (src: string) => [...src.matchAll(/export\s+(?:const|let|async\s+function|function)\s+(\w+)/g)].map((m) => m[1]!);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "app/(app)/[tenant]/users/page.tsx" -> "/[tenant]/users" */
function routeOf(file: string): string {
  const parts = file.split("/").slice(1, -1).filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

/** Files under lib/ that declare server actions ("use server" at the top): components import these. */
function serverActionFilesInLib(): string[] {
  return (fs.readdirSync(path.resolve("lib"), { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.split(path.sep).includes("generated"))
    .map((f) => path.posix.join("lib", f.split(path.sep).join("/")))
    .filter((f) => /^["']use server["'];/m.test(read(f)))
    .sort();
}

describe("the access matrix covers the whole app", () => {
  it("every server action file under lib/ is in the table, each export with its reason", () => {
    const files = serverActionFilesInLib();
    expect(files).toEqual(["lib/auth/session-actions.ts"]);
    for (const file of files) for (const name of exportsOf(read(file))) expect(PUBLIC_ACTIONS[file]?.[name], `${file}#${name}`).toBeDefined();
  });

  it.each(filesNamed(/^actions\.tsx?$/))("every action exported by %s has a row", (file) => {
    const src = read(file);
    expect(src).toMatch(/^["']use server["'];/m);
    for (const name of exportsOf(src)) {
      if (PUBLIC_ACTIONS[file]?.[name]) continue;
      const elsewhere = ACTIONS_TESTED_ELSEWHERE[file]?.[name];
      if (elsewhere) {
        expect(read(elsewhere), `${file}#${name}: its access test`).toContain(name);
        continue;
      }
      const row = ACTION_ROWS.find((r) => r.file === file && r.name === name);
      expect(row, `${file}#${name} has no row in tests/access/actions.ts`).toBeDefined();
      // The row runs the very definition the app wraps.
      expect(src, `${file}#${name} must be written as tenantAction(...${row!.defName})`).toMatch(
        new RegExp(`export const ${name} = tenantAction\\(\\.\\.\\.${escape(row!.defName)}\\);`),
      );
    }
  });

  it("every action row names an action that exists", () => {
    for (const row of ACTION_ROWS) expect(exportsOf(read(row.file)), `${row.file}#${row.name}`).toContain(row.name);
    for (const [file, names] of Object.entries(PUBLIC_ACTIONS)) for (const name of Object.keys(names)) expect(exportsOf(read(file))).toContain(name);
  });

  it.each(filesNamed(/^route\.tsx?$/))("every handler exported by %s has a row", (file) => {
    const src = read(file);
    if (PUBLIC_ROUTES[file]) return;
    if (ROUTES_TESTED_ELSEWHERE[file]) {
      expect(read(ROUTES_TESTED_ELSEWHERE[file]!), `${file}: its access test`).toMatch(/test\(/);
      return;
    }
    const methods = exportsOf(src).filter((n) => /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(n));
    expect(methods.length, `${file} exports no handler`).toBeGreaterThan(0);
    for (const method of methods) {
      const row = ROUTE_ROWS.find((r) => r.file === file && r.method === method);
      expect(row, `${method} ${file} has no row in tests/access/routes.ts`).toBeDefined();
      expect(src, `${method} ${file} must be written as tenantRoute(...${row!.defName})`).toMatch(
        new RegExp(`export const ${method} = tenantRoute\\(\\.\\.\\.${escape(row!.defName)}\\);`),
      );
    }
  });

  it.each(filesNamed(/^page\.tsx$/))("%s has a row, and checks the capability the row says", (file) => {
    const route = routeOf(file);
    const rows = PAGE_ROWS.filter((r) => r.route === route);
    expect(rows.length, `${route} (${file}) has no row in tests/access/pages.ts`).toBeGreaterThan(0);
    const src = read(file);
    if (!route.startsWith("/[tenant]")) return;
    // Tenant pages decide through requireTenant; the capability it names is the row's.
    const calls = [...src.matchAll(/requireTenant\(\s*\w+\s*(?:,\s*"([\w.]+)"\s*)?\)/g)].map((m) => m[1] ?? "member");
    expect(calls, `${file} must call requireTenant`).not.toEqual([]);
    for (const row of rows) expect(calls).toContain(row.access);
  });

  it("the app's permission table is the one the issue asks for", () => {
    for (const capability of CAPABILITIES) expect([...PERMISSIONS[capability]].sort(), capability).toEqual([...SPEC[capability]].sort());
    expect(Object.keys(SPEC).sort()).toEqual([...CAPABILITIES].sort());
  });

  it("the rows name real capabilities", () => {
    const known = new Set<string>([...CAPABILITIES, "member", "public"]);
    for (const row of PAGE_ROWS) expect(known.has(row.access), row.route).toBe(true);
    for (const row of [...ACTION_ROWS, ...ROUTE_ROWS]) expect(row.def[0], row.file).toBe(row.capability);
  });
});
