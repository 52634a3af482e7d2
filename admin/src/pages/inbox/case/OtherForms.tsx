// The less common actions: forward to another owner, correct category or place, and flag for
// formal case handling.
import { useId, useState } from 'react';
import { Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { CategoryOptions } from '../CategoryOptions.tsx';
import { caseApi } from '../inbox-api.ts';
import { useInboxContext } from '../inbox-context.ts';
import { ReportMap } from '../ReportMap.tsx';
import { ActionBox } from './ActionBox.tsx';
import type { ActionProps } from './action-props.ts';
import { useDraft } from './drafts.ts';
import { MessageField } from './MessageForms.tsx';
import { DirectoryProblem } from './StatusForms.tsx';
import { useAction } from './useAction.ts';

export function ForwardForm({ c, k, onChanged, onReload }: ActionProps) {
  const t = useT();
  const id = useId();
  const state = useAction(onChanged);
  const [to, setTo] = useState('');
  const [email, setEmail] = useState('');
  const [message, setMessage, clear] = useDraft(c.id, 'forward');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (!to.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const body = {
      to: to.trim(),
      version: c.version,
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(message.trim() ? { message: message.trim() } : {}),
    };
    void state
      .run(() => caseApi.act(k, c.id, 'forward', body), t('case.forward.done'))
      .then((ok) => ok && clear());
  };
  return (
    <ActionBox
      title={t('case.forward.title')}
      folded
      state={state}
      submitLabel={t('case.forward.submit')}
      fieldId={`${id}-to`}
      onSubmit={submit}
      onReload={onReload}
    >
      <p className="field-hint">{t('case.forward.hint')}</p>
      <Field
        id={`${id}-to`}
        label={t('case.forward.to')}
        hint={t('case.forward.toHint')}
        value={to}
        maxLength={200}
        error={missing ? t('case.forward.toRequired') : undefined}
        onChange={(e) => setTo(e.target.value)}
      />
      <Field
        id={`${id}-email`}
        type="email"
        label={`${t('case.forward.email')} (${t('case.optional')})`}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <MessageField
        id={`${id}-message`}
        label={`${t('case.forward.message')} (${t('case.optional')})`}
        value={message}
        onChange={setMessage}
        missing={false}
      />
    </ActionBox>
  );
}

export function CorrectionForm({ c, k, onChanged, onReload }: ActionProps) {
  const t = useT();
  const id = useId();
  const { directory } = useInboxContext();
  const state = useAction(onChanged);
  const [categoryId, setCategoryId] = useState(c.category.id);
  const [address, setAddress] = useState(c.address ?? '');
  const [lat, setLat] = useState(c.lat === null ? '' : String(c.lat));
  const [lon, setLon] = useState(c.lon === null ? '' : String(c.lon));
  const place =
    lat.trim() && lon.trim() && Number.isFinite(Number(lat)) && Number.isFinite(Number(lon))
      ? { lat: Number(lat), lon: Number(lon) }
      : null;
  // Only active categories can be chosen; the report's own stays listed even when inactive (and
  // on its own when the directory could not be loaded).
  const categories = directory.categories.filter((x) => x.active || x.id === c.category.id);
  const ownListed = categories.some((x) => x.id === c.category.id);
  const moved = place !== null && (place.lat !== c.lat || place.lon !== c.lon);
  const submit = () => {
    const body = {
      version: c.version,
      ...(categoryId !== c.category.id ? { categoryId } : {}),
      ...(address.trim() && address.trim() !== (c.address ?? '') ? { address: address.trim() } : {}),
      ...(moved && place ? { lat: place.lat, lon: place.lon } : {}),
    };
    void state.run(() => caseApi.act(k, c.id, 'correction', body), t('case.correct.done'));
  };
  return (
    <ActionBox
      title={t('case.correct.title')}
      folded
      state={state}
      submitLabel={t('case.correct.submit')}
      onSubmit={submit}
      onReload={onReload}
    >
      <p className="field-hint">{t('case.correct.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('inbox.category')}</label>
        <select id={`${id}-category`} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          {ownListed ? null : <option value={c.category.id}>{c.category.name}</option>}
          <CategoryOptions groups={directory.groups} categories={categories} />
        </select>
      </div>
      <DirectoryProblem />
      <Field
        id={`${id}-address`}
        label={t('case.address')}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
      />
      <p className="field-hint" id={`${id}-map-hint`}>
        {t('case.correct.mapHint')}
      </p>
      <ReportMap
        className="report-map-small"
        tiles={directory.map}
        label={t('case.correct.mapLabel')}
        points={place ? [{ id: c.id, lat: place.lat, lon: place.lon, status: c.status, label: c.ref }] : []}
        selectedId={c.id}
        onMove={(newLat, newLon) => {
          setLat(newLat.toFixed(6));
          setLon(newLon.toFixed(6));
        }}
      />
      <div className="case-coordinates">
        <Field
          id={`${id}-lat`}
          label={t('case.correct.lat')}
          inputMode="decimal"
          value={lat}
          onChange={(e) => setLat(e.target.value)}
        />
        <Field
          id={`${id}-lon`}
          label={t('case.correct.lon')}
          inputMode="decimal"
          value={lon}
          onChange={(e) => setLon(e.target.value)}
        />
      </div>
    </ActionBox>
  );
}

export function CaseHandlingForm({ c, k, onChanged, onReload }: ActionProps) {
  const t = useT();
  const id = useId();
  const state = useAction(onChanged);
  const [needed, setNeeded] = useState(c.needsCaseHandling);
  const submit = () => {
    void state.run(
      () => caseApi.act(k, c.id, 'case-handling', { needed, version: c.version }),
      t('case.handling.done'),
    );
  };
  return (
    <ActionBox
      title={t('case.handling.title')}
      folded
      state={state}
      submitLabel={t('case.handling.submit')}
      onSubmit={submit}
      onReload={onReload}
    >
      <label className="check" htmlFor={`${id}-needed`}>
        <input
          id={`${id}-needed`}
          type="checkbox"
          checked={needed}
          onChange={(e) => setNeeded(e.target.checked)}
        />
        {t('case.handling.label')}
      </label>
      <p className="field-hint">{t('case.handling.hint')}</p>
    </ActionBox>
  );
}
