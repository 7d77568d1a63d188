import Link from "next/link";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, ROLE_LABELS, type Capability } from "@/lib/auth/permissions";
import { signOutAction, signOutEverywhereAction } from "@/lib/auth/session-actions";
import { NavLink } from "./nav-link";

const NAV: { href: string; label: string; capability: Capability }[] = [
  { href: "", label: "Dashboard", capability: "dashboard.view" },
  { href: "/caseload", label: "Caseload", capability: "children.view" },
  { href: "/gaps", label: "Gap report", capability: "gaps.view" },
  { href: "/targets", label: "Targets", capability: "targets.view" },
  { href: "/imports", label: "Imports", capability: "imports.run" },
  { href: "/users", label: "Users", capability: "users.manage" },
  { href: "/audit", label: "Audit log", capability: "audit.view" },
  { href: "/security", label: "Security log", capability: "audit.view" },
];

type Props = {
  tenant: { slug: string; name: string };
  role: Role;
  userName: string;
  otherTenants: { slug: string; name: string }[];
};

export function AppHeader({ tenant, role, userName, otherTenants }: Props) {
  const items = NAV.filter((n) => can(role, n.capability));
  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-3">
        <div>
          <p className="text-lg font-bold text-brand-800">{tenant.name}</p>
          <p className="text-sm text-slate-700">
            {userName} · {ROLE_LABELS[role]}
          </p>
        </div>
        <div className="no-print flex flex-wrap items-center gap-4">
          {otherTenants.length > 0 ? (
            <nav aria-label="Switch authority">
              <details className="relative">
                <summary className="cursor-pointer rounded px-2 py-1 text-brand-800 underline">Switch authority</summary>
                <ul className="absolute right-0 z-10 mt-1 w-64 rounded border border-slate-300 bg-white p-2 shadow">
                  {otherTenants.map((t) => (
                    <li key={t.slug}>
                      <Link href={`/${t.slug}`} className="block rounded px-2 py-1 text-brand-800 underline">{t.name}</Link>
                    </li>
                  ))}
                </ul>
              </details>
            </nav>
          ) : null}
          <form action={signOutAction}>
            <button type="submit" className="rounded border-2 border-slate-700 px-3 py-1 font-semibold hover:bg-slate-100">Sign out</button>
          </form>
          <form action={signOutEverywhereAction}>
            <button type="submit" className="rounded px-2 py-1 text-brand-800 underline hover:bg-slate-100">Sign out everywhere</button>
          </form>
        </div>
      </div>
      <nav aria-label="Main" className="no-print mx-auto max-w-7xl px-6">
        <ul className="flex flex-wrap gap-1">
          {items.map((n) => (
            <li key={n.href}>
              <NavLink href={`/${tenant.slug}${n.href}`} exact={n.href === ""}>{n.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
