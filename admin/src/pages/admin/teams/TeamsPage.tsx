// Administrasjon › Team: the municipality's teams; create one, rename one (GET/POST/PUT /admin/teams).
import { type FormEvent, useEffect, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, EmptyState, ErrorSummary, Field, Loading } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import { ADMIN, at, atId, codeFrom, type Team, useKommunenummer } from '../shared/api.ts';
import { errorsByField, fieldId, summaryItems } from '../shared/forms.ts';
import { SavedNotice } from '../shared/inputs.tsx';

export default function TeamsPage() {
  const k = useKommunenummer();
  const t = useT();
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    ok(client.GET(`${ADMIN}/teams`, at(k))).then((r) => setTeams(r.teams), setLoadError);
  }, [k]);
  const replace = (team: Team) => setTeams((old) => (old ?? []).map((x) => (x.id === team.id ? team : x)));
  return (
    <>
      <PageHeading title={t('admin.teams')} />
      <p>{t('admin.teams.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(loadError, t, 'teams')} />
      <SavedNotice message={saved} />
      {teams === null ? (
        loadError ? null : (
          <Loading />
        )
      ) : teams.length === 0 ? (
        <EmptyState title={t('admin.teams.empty')} />
      ) : (
        <ul className="admin-list" aria-label={t('admin.teams')}>
          {teams.map((team) => (
            <TeamRow
              key={team.id}
              team={team}
              onSaved={(next) => {
                replace(next);
                setSaved(t('admin.teams.renamed', { name: next.name }));
              }}
            />
          ))}
        </ul>
      )}
      <NewTeam
        onCreated={(team) => {
          setTeams((old) => [...(old ?? []), team]);
          setSaved(t('admin.teams.created', { name: team.name }));
        }}
      />
    </>
  );
}

function TeamRow({ team, onSaved }: { team: Team; onSaved(team: Team): void }) {
  const k = useKommunenummer();
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(team.name);
  const [error, setError] = useState<unknown>(null);
  const form = `team-${team.id}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      onSaved(await ok(client.PUT(`${ADMIN}/teams/{id}`, { ...atId(k, team.id), body: { name } })));
      setEditing(false);
    } catch (failure) {
      setError(failure);
    }
  }
  if (!editing)
    return (
      <li>
        <span>
          {team.name} <span className="muted">({team.code})</span>
        </span>
        <Button variant="secondary" onClick={() => setEditing(true)}>
          {t('admin.teams.rename')}
          <span className="visually-hidden"> {team.name}</span>
        </Button>
      </li>
    );
  return (
    <li>
      <form className="admin-form inline-form" onSubmit={submit} noValidate>
        <ErrorSummary title={t('errors.formTitle')} items={summaryItems(error, t, form)} />
        <Field
          id={fieldId(form, 'name')}
          label={t('admin.teams.name')}
          value={name}
          error={errorsByField(error).name}
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />
        <div className="form-actions">
          <Button type="submit">{t('admin.form.save')}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setName(team.name);
              setEditing(false);
            }}
          >
            {t('admin.form.cancel')}
          </Button>
        </div>
      </form>
    </li>
  );
}

function NewTeam({ onCreated }: { onCreated(team: Team): void }) {
  const k = useKommunenummer();
  const t = useT();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errors = errorsByField(error);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onCreated(
        await ok(client.POST(`${ADMIN}/teams`, { ...at(k), body: { name, code: codeFrom(name) || 'team' } })),
      );
      setName('');
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }
  return (
    <section className="admin-section" aria-labelledby="new-team-title">
      <h2 id="new-team-title">{t('admin.teams.new')}</h2>
      <form className="admin-form" onSubmit={submit} noValidate>
        <ErrorSummary title={t('errors.formTitle')} items={summaryItems(error, t, 'new-team')} />
        <Field
          id={fieldId('new-team', 'name')}
          label={t('admin.teams.name')}
          value={name}
          error={errors.name ?? errors.code}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="form-actions">
          <Button type="submit" busy={saving} busyLabel={t('admin.form.saving')}>
            {t('admin.teams.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
