import fs from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { test, expect, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signIn, USERS } from "./session";

// The characteristic-gap report as a senior leader and as the VSH: the engine's figures, suppression
// as "c", distinct differences marked in text, and exports that say exactly what the page says.

type Measures = { children: number; attendanceRate: number | null; persistent: number; severe: number };
type Report = { cohorts: Record<string, Measures>; characteristics: Record<string, Record<string, Measures>> };
type PageRow = { characteristic: string; key: string; group: string; children: string; attendance: string; gap: string; pa: string };

const CHARACTERISTICS = ["sex", "ethnicity", "sen", "fsm", "eal", "yearGroup"];

/** Every row of every characteristic table on the page, as the text a person reads (one round trip). */
async function pageRows(page: Page): Promise<PageRow[]> {
  await expect(page.locator('section[data-characteristic="yearGroup"]')).toBeVisible();
  return page.locator("section[data-characteristic]").evaluateAll((sections) =>
    sections.flatMap((section) => {
      const characteristic = section.querySelector("h3")!.textContent!.trim();
      return [...section.querySelectorAll("tbody tr")].map((tr) => {
        const cell = (col: string) => (tr.querySelector(`td[data-col="${col}"]`) as HTMLElement).innerText.trim();
        return {
          characteristic,
          key: tr.getAttribute("data-group")!,
          group: (tr.querySelector("th") as HTMLElement).innerText.trim(),
          children: cell("children"),
          attendance: cell("attendanceRate"),
          gap: cell("attendanceGap"),
          pa: cell("paRate"),
        };
      });
    }),
  );
}

/** Page text -> the CSV's plain number: "1,234" -> "1234", "91.3%" -> "91.3", "−3.4 distinct" -> "-3.4". */
function plain(text: string): string {
  return text.replace(/\s*distinct$/i, "").replace(/,/g, "").replace(/%$/, "").replace(/^\u2212/, "-").replace(/^\+/, "").trim();
}

const pct = (r: number | null) => (r === null ? "no data" : `${(Math.round(r * 1000 + 1e-7) / 10).toFixed(1)}%`);

async function download(page: Page, name: RegExp): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const path = await file.path();
  expect(file.suggestedFilename()).toMatch(/^gap-report-demo-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-(ever|during)\.(csv|xlsx)$/);
  return path;
}

for (const who of ["leader", "vsh"] as const) {
  test(`the ${who === "vsh" ? "virtual school head" : "senior leader"} opens the gap report with no accessibility violations`, async ({ page }) => {
    await signIn(page, USERS[who]);
    await page.getByRole("link", { name: "Gap report" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Characteristic gap report");
    await expect(page.locator('section[data-characteristic="sex"] tr[data-group="ALL"]')).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Distinct differences: \d+$/ })).toBeVisible();
    // Filters that do not apply to this report are not offered.
    await expect(page.getByLabel("Cohort")).toHaveCount(0);
    await expect(page.getByLabel("Count sessions")).toBeVisible();
    // The trend: a chart named for screen readers, with its data table behind a toggle.
    const trend = page.locator('figure[data-trend="sex"]');
    await expect(trend.getByRole("img", { name: /attendance gap of each sex group/ })).toBeVisible();
    await trend.getByText("Show the gaps as a table").click();
    await expect(trend.getByRole("table").locator("thead th")).toHaveCount(4);
    await expectNoAxeViolations(page);
    // On a phone the tables scroll sideways, and the scrolling regions can be reached by keyboard.
    await page.setViewportSize({ width: 400, height: 900 });
    await expectNoAxeViolations(page);
  });
}

test("the gap report shows the engine's figures for the window it names", async ({ page }) => {
  await signIn(page, USERS.vsh);
  for (const url of ["/demo/gaps?window=year-to-date", "/demo/gaps?window=term&attribution=during"]) {
    await page.goto(url);
    const shown = page.locator("#window-shown");
    const q = `from=${await shown.getAttribute("data-from")}&to=${await shown.getAttribute("data-to")}&attribution=${await shown.getAttribute("data-attribution")}`;
    const res = await page.request.get(`/demo/api/report?${q}`);
    expect(res.status()).toBe(200);
    const report = (await res.json()) as Report;
    const threshold = 6;
    const rows = await pageRows(page);
    expect(rows.length).toBeGreaterThan(15);
    for (const c of CHARACTERISTICS) {
      const label = (await page.locator(`section[data-characteristic="${c}"] h3`).textContent())!;
      for (const row of rows.filter((r) => r.characteristic === label)) {
        const m = row.key === "ALL" ? report.cohorts.ALL! : report.characteristics[c]![row.key]!;
        expect(m, `${c} ${row.key}`).toBeDefined();
        if (m.children < threshold) {
          expect([row.children, row.attendance, row.gap, row.pa], `${c} ${row.key} is suppressed`).toEqual(["c", "c", "c", "c"]);
        } else {
          expect(row.children, `${c} ${row.key}`).toBe(m.children.toLocaleString("en-GB"));
          expect(row.attendance, `${c} ${row.key}`).toBe(pct(m.attendanceRate));
          expect(row.pa, `${c} ${row.key}`).toBe(pct(m.persistent / m.children));
        }
      }
    }
  }
});

test("the CSV and Excel exports carry the page's figures and the same suppression", async ({ page }) => {
  await signIn(page, USERS.leader);
  await page.goto("/demo/gaps?window=year-to-date");
  const rows = await pageRows(page);
  const suppressed = rows.filter((r) => r.children === "c");
  expect(suppressed.length, "the demo data has small groups").toBeGreaterThan(0);
  const distinct = rows.filter((r) => /distinct/i.test(r.gap));

  const csvPath = await download(page, /Download CSV/);
  const csvText = fs.readFileSync(csvPath, "utf8");
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  const csv = parse(csvText, { bom: true, columns: true }) as Record<string, string>[];
  expect(csv).toHaveLength(1 + rows.filter((r) => r.key !== "ALL").length);
  for (const row of rows.filter((r) => r.key !== "ALL")) {
    const line = csv.find((l) => l.Characteristic === row.characteristic && l.Group === row.group);
    expect(line, `${row.characteristic} / ${row.group}`).toBeDefined();
    expect(line!.Children).toBe(plain(row.children));
    expect(line!["Attendance rate (%)"]).toBe(plain(row.attendance));
    expect(line!["Attendance gap to all (points)"]).toBe(plain(row.gap));
    expect(line!["Persistent absence rate (%)"]).toBe(plain(row.pa));
    if (row.children === "c") expect(Object.values(line!).slice(2).every((v) => v === "c")).toBe(true);
    else expect(line!["Attendance distinct difference"]).toBe(distinct.includes(row) ? "Yes" : "No");
  }
  const all = csv.find((l) => l.Characteristic === "All")!;
  expect(all.Children).toBe(plain(rows.find((r) => r.key === "ALL")!.children));

  const xlsxPath = await download(page, /Download Excel/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  expect(ws.rowCount).toBe(csv.length + 1);
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const values = (r.values as unknown[]).slice(1);
    const line = csv[n - 2]!;
    header.forEach((h, i) => {
      const v = values[i];
      // Numbers are number cells in Excel, and the same figures as the CSV.
      if (typeof v === "number") expect(v, `${h} of row ${n}`).toBe(Number(line[h]));
      else expect(v === undefined || v === null ? "" : String(v), `${h} of row ${n}`).toBe(line[h]);
      if (typeof v === "string" && /rate|gap|Children/.test(h)) expect(v).toBe("c");
    });
  });
});
