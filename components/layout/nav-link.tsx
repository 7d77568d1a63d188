"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A navigation link that marks the current page for screen readers and by an underline bar. */
export function NavLink({ href, exact, children }: { href: string; exact?: boolean; children: React.ReactNode }) {
  const path = usePathname();
  const current = exact ? path === href : path === href || path.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`inline-block border-b-4 px-3 py-2 font-semibold ${current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-800"}`}
    >
      {children}
    </Link>
  );
}
