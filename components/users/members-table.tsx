import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Member, TeamOption } from "@/lib/users/queries";
import { ActiveToggleForm } from "./active-toggle-form";
import { EditMemberForm } from "./edit-member-form";
import type { MemberAction } from "./types";

type Props = {
  tenant: string;
  members: Member[];
  teams: TeamOption[];
  selfId: string;
  actions: { updateUser: MemberAction; setUserActive: MemberAction };
};

/** The tenant's members, with a form per row to change role and teams, and to (de)activate. */
export function MembersTable({ tenant, members, teams, selfId, actions }: Props) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm shadow-sm">
        <caption className="sr-only">Members of this authority: role, teams and whether they can sign in</caption>
        <thead className="border-b-2 border-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2">Name</th>
            <th scope="col" className="px-3 py-2">Email</th>
            <th scope="col" className="px-3 py-2">Role</th>
            <th scope="col" className="px-3 py-2">Teams</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Change</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const isSelf = m.userId === selfId;
            return (
              <tr key={m.userId} className="border-b border-slate-200 align-top" data-user={m.email}>
                <th scope="row" className="px-3 py-2 font-semibold">
                  {m.name}
                  {isSelf ? <span className="font-normal text-slate-700"> (you)</span> : null}
                </th>
                <td className="px-3 py-2">{m.email}</td>
                <td className="px-3 py-2" data-field="role">{ROLE_LABELS[m.role]}</td>
                <td className="px-3 py-2" data-field="teams">{m.role === "PRACTICE_SUPERVISOR" ? m.teams.map((t) => t.name).join(", ") || "None" : "–"}</td>
                <td className="px-3 py-2" data-field="status">
                  {m.active ? (m.accountActive ? "Active" : "Account disabled") : "Deactivated"}
                </td>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap items-start gap-3">
                    <details className="min-w-64">
                      <summary className="cursor-pointer font-semibold text-brand-800 underline">
                        Role and teams<span className="sr-only"> of {m.name}</span>
                      </summary>
                      <EditMemberForm tenant={tenant} member={m} teams={teams} isSelf={isSelf} action={actions.updateUser} />
                    </details>
                    {isSelf ? null : <ActiveToggleForm tenant={tenant} userId={m.userId} name={m.name} active={m.active} action={actions.setUserActive} />}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
