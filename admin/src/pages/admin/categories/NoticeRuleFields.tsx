// A category's ties to notices and incidents: which notice types explain its reports (a new
// report inside such an active notice is linked and told so), and its incident rule (this many
// reports within this many metres within this many minutes raise an incident; empty: no rule).
import { NOTICE_TYPES } from '../../../api/enums.ts';
import { Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { Checkbox } from '../shared/inputs.tsx';

export type NoticeType = (typeof NOTICE_TYPES)[number];

export interface NoticeRuleDraft {
  noticeTypes: NoticeType[];
  incidentMinReports: string;
  incidentRadiusMeters: string;
  incidentWindowMinutes: string;
}

export function noticeRuleDraft(
  category: Partial<{
    noticeTypes: NoticeType[];
    incidentMinReports: number | null;
    incidentRadiusMeters: number;
    incidentWindowMinutes: number;
  }> | null,
): NoticeRuleDraft {
  return {
    noticeTypes: category?.noticeTypes ?? [],
    incidentMinReports: category?.incidentMinReports?.toString() ?? '',
    incidentRadiusMeters: (category?.incidentRadiusMeters ?? 500).toString(),
    incidentWindowMinutes: (category?.incidentWindowMinutes ?? 120).toString(),
  };
}

export function noticeRuleBody(draft: NoticeRuleDraft) {
  return {
    noticeTypes: draft.noticeTypes,
    incidentMinReports: draft.incidentMinReports.trim() ? Number(draft.incidentMinReports) : null,
    incidentRadiusMeters: Number(draft.incidentRadiusMeters || '500'),
    incidentWindowMinutes: Number(draft.incidentWindowMinutes || '120'),
  };
}

export function NoticeRuleFields({
  id,
  value,
  errors,
  onChange,
}: {
  id: (field: string) => string;
  value: NoticeRuleDraft;
  errors: Record<string, string | undefined>;
  onChange(next: NoticeRuleDraft): void;
}) {
  const t = useT();
  const set = <K extends keyof NoticeRuleDraft>(key: K, next: NoticeRuleDraft[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.category.noticeTypes')}</legend>
        <p className="field-hint">{t('admin.category.noticeTypesHint')}</p>
        {NOTICE_TYPES.map((type) => (
          <Checkbox
            key={type}
            id={id(`noticeTypes.${type}`)}
            label={t(`notices.type.${type}`)}
            checked={value.noticeTypes.includes(type)}
            onChange={(on) =>
              set(
                'noticeTypes',
                on ? [...value.noticeTypes, type] : value.noticeTypes.filter((x) => x !== type),
              )
            }
          />
        ))}
      </fieldset>
      <fieldset className="admin-fieldset">
        <legend>{t('admin.category.incidentRule')}</legend>
        <p className="field-hint">{t('admin.category.incidentRuleHint')}</p>
        <div className="field-row">
          <Field
            id={id('incidentMinReports')}
            type="number"
            min={2}
            max={1000}
            label={t('admin.category.incidentMinReports')}
            value={value.incidentMinReports}
            error={errors.incidentMinReports}
            onChange={(e) => set('incidentMinReports', e.target.value)}
          />
          <Field
            id={id('incidentRadiusMeters')}
            type="number"
            min={10}
            max={5000}
            label={t('admin.category.incidentRadius')}
            value={value.incidentRadiusMeters}
            error={errors.incidentRadiusMeters}
            onChange={(e) => set('incidentRadiusMeters', e.target.value)}
          />
          <Field
            id={id('incidentWindowMinutes')}
            type="number"
            min={5}
            max={10080}
            label={t('admin.category.incidentWindow')}
            value={value.incidentWindowMinutes}
            error={errors.incidentWindowMinutes}
            onChange={(e) => set('incidentWindowMinutes', e.target.value)}
          />
        </div>
      </fieldset>
    </>
  );
}
