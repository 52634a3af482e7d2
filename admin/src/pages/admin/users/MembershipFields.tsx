// Roles and teams in this municipality: the part of a person an administrator here decides, both
// when inviting them and when changing them later.
import { useT } from '../../../i18n/index.ts';
import { STAFF_ROLES, type StaffRole, type Team } from '../shared/api.ts';
import type { FieldErrors } from '../shared/forms.ts';
import { Checkbox } from '../shared/inputs.tsx';

function toggle<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

export function MembershipFields({
  id,
  roles,
  teamIds,
  teams,
  errors,
  onRoles,
  onTeams,
}: {
  id: (field: string) => string;
  roles: StaffRole[];
  teamIds: string[];
  teams: Team[];
  errors: FieldErrors;
  onRoles(roles: StaffRole[]): void;
  onTeams(teamIds: string[]): void;
}) {
  const t = useT();
  return (
    <>
      <fieldset id={id('roles')} tabIndex={-1}>
        <legend>{t('admin.users.roles')}</legend>
        {errors.roles ? <p className="field-error">{errors.roles}</p> : null}
        {STAFF_ROLES.map((role) => (
          <Checkbox
            key={role}
            id={id(`role-${role}`)}
            label={t(`admin.role.${role}`)}
            hint={t(`admin.roleHint.${role}`)}
            checked={roles.includes(role)}
            onChange={(on) => onRoles(toggle(roles, role, on))}
          />
        ))}
      </fieldset>
      <fieldset id={id('teamIds')} tabIndex={-1}>
        <legend>{t('admin.users.teams')}</legend>
        {errors.teamIds ? <p className="field-error">{errors.teamIds}</p> : null}
        {teams.length === 0 ? <p className="muted">{t('admin.teams.empty')}</p> : null}
        {teams.map((team) => (
          <Checkbox
            key={team.id}
            id={id(`team-${team.id}`)}
            label={team.name}
            checked={teamIds.includes(team.id)}
            onChange={(on) => onTeams(toggle(teamIds, team.id, on))}
          />
        ))}
      </fieldset>
    </>
  );
}
