import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { classifyCode, ALL_CODES, COHORTS, type CohortKey, type Measures } from "@/lib/attendance";
import type { DateWindow } from "@/lib/reports/window";

// The peer: the same full-year cohort figures computed by DuckDB, in process, over the same register
// marks and episodes (the CSV files the benchmark imported), as an analyst with an export would. The
// register codes come from a lookup table built from lib/attendance's code table.

export type Peer = { conn: DuckDBConnection; close(): void };

const sq = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function openPeer(dirs: string[]): Promise<Peer> {
  const instance = await DuckDBInstance.create(":memory:");
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE codes (code VARCHAR PRIMARY KEY, possible INT, attended INT, authorised INT, unauthorised INT, no_mark INT)`);
  for (const code of ALL_CODES) {
    const c = classifyCode(code);
    const att = c === "present" || c === "approved" ? 1 : 0;
    const auth = c === "authorised" ? 1 : 0;
    const unauth = c === "unauthorised" ? 1 : 0;
    await conn.run(`INSERT INTO codes VALUES ($1, $2, $3, $4, $5, $6)`, [code, att + auth + unauth, att, auth, unauth, c === "no_mark" ? 1 : 0]);
  }
  await conn.run(`CREATE TABLE children (tenant INT, id INT, child_id VARCHAR, upn VARCHAR)`);
  await conn.run(`CREATE TABLE episodes (tenant INT, child INT, status VARCHAR, start_date DATE, end_date DATE)`);
  await conn.run(`CREATE TABLE marks (tenant INT, child INT, school VARCHAR, date DATE, session VARCHAR, code VARCHAR)`);
  for (const [tenant, dir] of dirs.entries()) {
    const file = (f: string) => sq(path.join(dir, f));
    await conn.run(`INSERT INTO children SELECT ${tenant}, row_number() OVER (), child_id, upn FROM read_csv(${file("children.csv")}, header = true, all_varchar = true)`);
    await conn.run(`INSERT INTO episodes SELECT ${tenant}, c.id, s.status, s.start_date::DATE, nullif(s.end_date, '')::DATE
      FROM read_csv(${file("statuses.csv")}, header = true, all_varchar = true) s JOIN children c ON c.tenant = ${tenant} AND c.child_id = s.child_id`);
    await conn.run(`INSERT INTO marks SELECT ${tenant}, c.id, a.school_urn, a.date::DATE, a.session, a.code
      FROM read_csv(${file("attendance.csv")}, header = true, all_varchar = true, quote = '"', escape = '"') a JOIN children c ON c.tenant = ${tenant} AND c.upn = a.upn`);
  }
  return { conn, close: () => conn.closeSync() };
}

export async function peerMarkCount(peer: Peer): Promise<number> {
  const r = await peer.conn.runAndReadAll(`SELECT count(*)::INT AS n FROM marks`);
  return Number(r.getRowObjectsJS()[0]!.n);
}

/** Full-window cohort figures under "ever": the highest of CIN/CP/CLA held in the window, PLAC and KIN where held. */
export async function peerCohortFigures(peer: Peer, tenant: number, w: DateWindow): Promise<Record<CohortKey, Measures>> {
  const sql = `
WITH held AS (
  SELECT child, max(CASE status WHEN 'CLA' THEN 3 WHEN 'CP' THEN 2 WHEN 'CIN' THEN 1 END) AS top,
         bool_or(status = 'PLAC') AS plac, bool_or(status = 'KIN') AS kin
  FROM episodes
  WHERE tenant = $1 AND start_date <= $3::DATE AND (end_date IS NULL OR end_date >= $2::DATE) AND (end_date IS NULL OR end_date >= start_date)
  GROUP BY child
), counts AS (
  SELECT m.child, sum(k.possible) AS possible, sum(k.attended) AS attended, sum(k.authorised) AS authorised, sum(k.unauthorised) AS unauthorised
  FROM marks m JOIN codes k ON k.code = m.code
  WHERE m.tenant = $1 AND m.date BETWEEN $2::DATE AND $3::DATE
  GROUP BY m.child
), per AS (
  SELECT v.cohort, coalesce(c.possible, 0) AS possible, coalesce(c.attended, 0) AS attended,
         coalesce(c.authorised, 0) AS authorised, coalesce(c.unauthorised, 0) AS unauthorised
  FROM held h LEFT JOIN counts c ON c.child = h.child
  CROSS JOIN LATERAL (
    SELECT 'ALL' AS cohort WHERE h.top IS NOT NULL
    UNION ALL SELECT CASE h.top WHEN 3 THEN 'CLA' WHEN 2 THEN 'CP' ELSE 'CIN' END WHERE h.top IS NOT NULL
    UNION ALL SELECT 'PLAC' WHERE h.plac
    UNION ALL SELECT 'KIN' WHERE h.kin
  ) v
)
SELECT cohort, count(*) FILTER (WHERE possible > 0)::INT AS children, sum(possible)::INT AS possible, sum(attended)::INT AS attended,
       sum(authorised)::INT AS authorised, sum(unauthorised)::INT AS unauthorised,
       count(*) FILTER (WHERE possible > 0 AND (authorised + unauthorised) * 10 >= possible)::INT AS persistent,
       count(*) FILTER (WHERE possible > 0 AND (authorised + unauthorised) * 2 >= possible)::INT AS severe
FROM per GROUP BY cohort`;
  const r = await peer.conn.runAndReadAll(sql, [tenant, w.from, w.to]);
  const out = {} as Record<CohortKey, Measures>;
  for (const k of COHORTS) out[k] = { children: 0, possible: 0, attended: 0, authorised: 0, unauthorised: 0, attendanceRate: null, persistent: 0, severe: 0 };
  for (const row of r.getRowObjectsJS()) {
    const n = (k: string) => Number(row[k] ?? 0);
    out[row.cohort as CohortKey] = {
      children: n("children"),
      possible: n("possible"),
      attended: n("attended"),
      authorised: n("authorised"),
      unauthorised: n("unauthorised"),
      attendanceRate: n("possible") > 0 ? n("attended") / n("possible") : null,
      persistent: n("persistent"),
      severe: n("severe"),
    };
  }
  return out;
}
