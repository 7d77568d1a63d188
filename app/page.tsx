import Link from "next/link";
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";
import { tenantsOf } from "@/lib/auth/tenant-context";
import { homePath, ROLE_LABELS } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export default async function Home() {
  const session = await currentSession();
  const user = session?.user ?? null;
  const tenants = tenantsOf(session);
  if (tenants.length === 1) redirect(homePath(tenants[0]!.slug, tenants[0]!.role));
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-bold text-brand-800">Virtual School Attendance</h1>
      <p className="mt-4 text-lg text-slate-700">
        Attendance of children with a social worker — children in need, on child protection plans and looked
        after, and previously looked-after and kinship children — for virtual school heads, practice supervisors
        and senior leaders of English local authorities.
      </p>
      {!user ? (
        <p className="mt-8">
          <Link href="/sign-in" className="inline-block rounded bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800">
            Sign in
          </Link>
        </p>
      ) : tenants.length === 0 ? (
        <p className="mt-8" role="status">You are signed in, but you are not a member of any authority yet. Ask your virtual school head to add you.</p>
      ) : (
        <section className="mt-8">
          <h2 className="text-xl font-semibold">Choose an authority</h2>
          <ul className="mt-4 space-y-2">
            {tenants.map((t) => (
              <li key={t.slug}>
                <Link href={homePath(t.slug, t.role)} className="text-brand-800 underline">{t.name}</Link> <span className="text-slate-700">({ROLE_LABELS[t.role]})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
