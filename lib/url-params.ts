// Values taken from the URL's path. Anyone can type any URL, so a value that cannot be what the app's
// own links put there (a broken %-escape, an id past the database's integer range) means the record
// does not exist: callers answer not found rather than let the value throw or reach the database.

/** The largest value of a PostgreSQL integer (int4): every id column of the schema. */
const MAX_ID = 2_147_483_647;

/**
 * A path segment with its %-escapes decoded, or null when they are malformed (e.g. "%E0%A4%A") or
 * decode to a NUL, which no PostgreSQL text can hold (the query would fail rather than find nothing).
 */
export function decodeSegment(segment: string): string | null {
  try {
    const text = decodeURIComponent(segment);
    return text.includes("\0") ? null : text;
  } catch {
    return null;
  }
}

/** A record id written in the URL: digits only, 1 to the integer maximum, or null. */
export function parseId(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ID ? id : null;
}

/** False when a segment of the request's path cannot be decoded: such a URL names no page. */
export function decodablePath(pathname: string): boolean {
  return !pathname.includes("%") || pathname.split("/").every((segment) => decodeSegment(segment) !== null);
}
