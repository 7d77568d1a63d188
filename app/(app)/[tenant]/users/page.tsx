import type { Metadata } from "next";
import { requireTenant } from "@/lib/auth/tenant-context";
import { PASSWORD_MIN } from "@/lib/schemas/user";
import { listMembers, listTeams } from "@/lib/users/queries";
import { AddUserForm } from "@/components/users/add-user-form";
import { MembersTable } from "@/components/users/members-table";
import { addUser, setUserActive, updateUser } from "./actions";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug, "users.manage");
  const [members, teams] = await Promise.all([listMembers(ctx.tenant.id), listTeams(ctx.tenant.id)]);
  const active = members.filter((m) => m.active).length;
  return (
    <main id="main" className="mx-auto max-w-7xl px-6 py-8">
      <h1 className="text-3xl font-bold text-brand-800">Users</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Who can sign in to {ctx.tenant.name}, and what they see. A deactivated person loses access at once; their entries in the
        audit log stay.
      </p>
      <h2 className="mt-8 text-xl font-semibold">Members</h2>
      <p className="mt-1" role="status">{active} active of {members.length}.</p>
      <MembersTable tenant={slug} members={members} teams={teams} selfId={ctx.user.id} actions={{ updateUser, setUserActive }} />
      <h2 className="mt-10 text-xl font-semibold">Add a user</h2>
      <AddUserForm tenant={slug} teams={teams} action={addUser} passwordMin={PASSWORD_MIN} />
    </main>
  );
}
