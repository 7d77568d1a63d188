import Link from "next/link";

/** A column header that sorts the table through the URL, announcing the current order (aria-sort). */
export function SortHeader({ label, column, sort, dir, href }: { label: string; column: string; sort: string; dir: "asc" | "desc"; href: (column: string, dir: "asc" | "desc") => string }) {
  const active = sort === column;
  const next = active && dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"} className="px-3 py-2 text-left">
      <Link href={href(column, next)} className="font-semibold text-brand-800 underline">
        {label}
        <span aria-hidden="true">{active ? (dir === "asc" ? " ▲" : " ▼") : ""}</span>
        <span className="sr-only">, sort {next === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}
