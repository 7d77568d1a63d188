import type { TeamOption } from "@/lib/users/queries";
import { FieldError } from "./form-message";

/** The teams a practice supervisor sees, as checkboxes named teamIds. */
export function TeamCheckboxes({ idPrefix, teams, selected, errors }: { idPrefix: string; teams: TeamOption[]; selected: number[]; errors?: string[] }) {
  const errorId = `${idPrefix}-teams-error`;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="font-semibold">Teams</legend>
      <p className="text-sm text-slate-700">A practice supervisor sees the children of these teams only.</p>
      <ul className="mt-2 grid gap-1 sm:grid-cols-2">
        {teams.map((t) => (
          <li key={t.id}>
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" name="teamIds" value={t.id} defaultChecked={selected.includes(t.id)} className="h-4 w-4" />
              {t.name}
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
