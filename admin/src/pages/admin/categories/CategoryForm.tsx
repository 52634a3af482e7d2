// One category's form, new or existing: every field of the admin API (names and help in three
// languages, acute, contact required, public description, how much of the place the public sees,
// deadline, default team, the radius for "open reports nearby", and the extra questions).
import { type FormEvent, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, ErrorSummary, Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import {
  ADMIN,
  at,
  atId,
  type Category,
  codeFrom,
  type Group,
  PUBLIC_LOCATIONS,
  type PublicLocation,
  type Question,
  type Team,
  useKommunenummer,
} from '../shared/api.ts';
import {
  cleanLocalized,
  errorsByField,
  fieldId,
  type Localized,
  pick,
  summaryItems,
  useDraft,
} from '../shared/forms.ts';
import { Checkbox, LocalizedFields, Select } from '../shared/inputs.tsx';
import {
  type NoticeRuleDraft,
  NoticeRuleFields,
  noticeRuleBody,
  noticeRuleDraft,
} from './NoticeRuleFields.tsx';
import { QuestionsEditor } from './QuestionsEditor.tsx';

interface Draft {
  code: string;
  groupId: string;
  name: Localized;
  help: Localized;
  acute: boolean;
  contactRequired: boolean;
  publicDescription: boolean;
  publicLocation: PublicLocation;
  deadlineHours: string;
  defaultTeamId: string;
  nearbyRadiusMeters: string;
  /** Missing in a draft saved before these fields existed. */
  rules?: NoticeRuleDraft;
  questions: Question[];
}

function cleanQuestions(questions: Question[]): Question[] {
  return questions.map(({ help, options, min, max, ...rest }) => ({
    ...rest,
    label: cleanLocalized(rest.label),
    ...(help?.nb.trim() ? { help: cleanLocalized(help) } : {}),
    ...(options ? { options: options.map((o) => ({ ...o, label: cleanLocalized(o.label) })) } : {}),
    ...(rest.type === 'number' && min !== undefined ? { min } : {}),
    ...(rest.type === 'number' && max !== undefined ? { max } : {}),
  }));
}

export function CategoryForm({
  prefix,
  category,
  groupId,
  groups,
  teams,
  onSaved,
  onCancel,
}: {
  prefix: string;
  category: Category | null;
  groupId: string;
  groups: Group[];
  teams: Team[];
  onSaved(category: Category): void;
  onCancel(): void;
}) {
  const k = useKommunenummer();
  const t = useT();
  const form = category ? `category-${category.id}` : 'new-category';
  const [draft, setDraft, clearDraft] = useDraft<Draft>(
    `${prefix}/categories/${category?.id ?? `new-${groupId}`}`,
    () => ({
      code: category?.code ?? '',
      groupId: category?.groupId ?? groupId,
      name: category?.name ?? { nb: '', nn: '', en: '' },
      help: category?.help ?? { nb: '', nn: '', en: '' },
      acute: category?.acute ?? false,
      contactRequired: category?.contactRequired ?? false,
      publicDescription: category?.publicDescription ?? true,
      publicLocation: category?.publicLocation ?? 'exact',
      deadlineHours: category?.deadlineHours?.toString() ?? '',
      defaultTeamId: category?.defaultTeamId ?? '',
      nearbyRadiusMeters: (category?.nearbyRadiusMeters ?? 100).toString(),
      rules: noticeRuleDraft(category),
      questions: category?.questions ?? [],
    }),
  );
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errors = errorsByField(error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const body = {
      groupId: draft.groupId,
      name: cleanLocalized(draft.name),
      help: draft.help.nb.trim() ? cleanLocalized(draft.help) : null,
      acute: draft.acute,
      contactRequired: draft.contactRequired,
      publicDescription: draft.publicDescription,
      publicLocation: draft.publicLocation,
      deadlineHours: draft.deadlineHours.trim() ? Number(draft.deadlineHours) : null,
      defaultTeamId: draft.defaultTeamId || null,
      nearbyRadiusMeters: Number(draft.nearbyRadiusMeters || '0'),
      ...noticeRuleBody(draft.rules ?? noticeRuleDraft(category)),
      questions: cleanQuestions(draft.questions),
    };
    try {
      const saved = category
        ? await ok(client.PUT(`${ADMIN}/categories/{id}`, { ...atId(k, category.id), body }))
        : await ok(
            client.POST(`${ADMIN}/categories`, {
              ...at(k),
              body: {
                ...body,
                code: draft.code || codeFrom(draft.name.nb),
              },
            }),
          );
      clearDraft();
      onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  const id = (field: string) => fieldId(form, field);
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <ErrorSummary title={t('errors.formTitle')} items={summaryItems(error, t, form)} />
      <LocalizedFields
        form={form}
        field="name"
        legend={t('admin.category.name')}
        value={draft.name}
        errors={errors}
        onChange={(name) => set('name', name)}
      />
      {category ? (
        <p>
          {t('admin.category.code')}: <code>{category.code}</code>
        </p>
      ) : (
        <Field
          id={id('code')}
          label={t('admin.category.code')}
          hint={t('admin.category.codeHint', { code: codeFrom(draft.name.nb) || '…' })}
          value={draft.code}
          error={errors.code}
          onChange={(e) => set('code', e.target.value)}
        />
      )}
      <Select
        id={id('groupId')}
        label={t('admin.category.group')}
        value={draft.groupId}
        error={errors.groupId}
        onChange={(e) => set('groupId', e.target.value)}
      >
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {pick(g.name, t.language)}
          </option>
        ))}
      </Select>
      <LocalizedFields
        form={form}
        field="help"
        legend={t('admin.category.help')}
        value={draft.help}
        errors={errors}
        required={false}
        multiline
        onChange={(help) => set('help', help)}
      />
      <Checkbox
        id={id('acute')}
        label={t('admin.category.acute')}
        hint={t('admin.category.acuteHint')}
        checked={draft.acute}
        onChange={(on) => set('acute', on)}
      />
      <Checkbox
        id={id('contactRequired')}
        label={t('admin.category.contactRequired')}
        checked={draft.contactRequired}
        onChange={(on) => set('contactRequired', on)}
      />
      <Checkbox
        id={id('publicDescription')}
        label={t('admin.category.publicDescription')}
        hint={t('admin.category.publicDescriptionHint')}
        checked={draft.publicDescription}
        onChange={(on) => set('publicDescription', on)}
      />
      <Select
        id={id('publicLocation')}
        label={t('admin.category.publicLocation')}
        hint={t('admin.category.publicLocationHint')}
        value={draft.publicLocation}
        error={errors.publicLocation}
        onChange={(e) => set('publicLocation', e.target.value as PublicLocation)}
      >
        {PUBLIC_LOCATIONS.map((value) => (
          <option key={value} value={value}>
            {t(`admin.category.publicLocation.${value}`)}
          </option>
        ))}
      </Select>
      <div className="field-row">
        <Field
          id={id('deadlineHours')}
          type="number"
          min={1}
          label={t('admin.category.deadlineHours')}
          hint={t('admin.category.deadlineHint')}
          value={draft.deadlineHours}
          error={errors.deadlineHours}
          onChange={(e) => set('deadlineHours', e.target.value)}
        />
        <Field
          id={id('nearbyRadiusMeters')}
          type="number"
          min={0}
          max={5000}
          label={t('admin.category.nearbyRadius')}
          hint={t('admin.category.nearbyHint')}
          value={draft.nearbyRadiusMeters}
          error={errors.nearbyRadiusMeters}
          onChange={(e) => set('nearbyRadiusMeters', e.target.value)}
        />
      </div>
      <Select
        id={id('defaultTeamId')}
        label={t('admin.category.defaultTeam')}
        value={draft.defaultTeamId}
        error={errors.defaultTeamId}
        onChange={(e) => set('defaultTeamId', e.target.value)}
      >
        <option value="">{t('admin.category.noTeam')}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </Select>
      <NoticeRuleFields
        id={id}
        value={draft.rules ?? noticeRuleDraft(category)}
        errors={errors}
        onChange={(rules) => set('rules', rules)}
      />
      <QuestionsEditor
        form={form}
        questions={draft.questions}
        errors={errors}
        onChange={(questions) => set('questions', questions)}
      />
      <div className="form-actions">
        <Button type="submit" busy={saving} busyLabel={t('admin.form.saving')}>
          {category ? t('admin.form.save') : t('admin.category.create')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            clearDraft();
            onCancel();
          }}
        >
          {t('admin.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
