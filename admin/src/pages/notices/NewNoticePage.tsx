// A new notice, started from the municipality's template for its type: the texts in each language
// come prefilled and stay editable; {area} {start} {end} are filled in on saving, as the server
// does for "new notice from template". The area is a point and a radius (clicked on the map or
// typed) or the polygons of an uploaded GeoJSON file. Saved as a draft: publishing is a separate
// step on the notice's page.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
// The server's own buffer (one capsule per segment) previews a drawn line exactly as it will be stored.
import {
  bufferLine,
  MAX_BUFFER_METRES,
  MIN_BUFFER_METRES,
} from '../../../../src/modules/notices/line-buffer.ts';
import { Button, ErrorSummary, Field, Loading } from '../../components/index.ts';
import { LANGUAGES, type Language, useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { useMembership } from '../../session/index.ts';
import { fieldId, summaryItems } from '../admin/shared/forms.ts';
import { Select } from '../admin/shared/inputs.tsx';
import { useDirectory } from '../inbox/directory.ts';
import { AreaMap, type Polygons } from './AreaMap.tsx';
import { readGeoJsonPolygons } from './geojson-file.ts';
import { NoticeTextFields, type NoticeTexts } from './NoticeTextFields.tsx';
import { typeName } from './notice-words.ts';
import {
  fillTemplate,
  NOTICE_TYPE_LIST,
  type NoticeArea,
  type NoticeTemplate,
  type NoticeType,
  noticesApi,
} from './notices-api.ts';
import './notices.css';

const FORM = 'notice';
type Texts = NoticeTexts;
const EMPTY_TEXTS: Texts = { nb: '', nn: '', en: '' };
const TIME_LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const UNTIL_FURTHER: Record<Language, string> = {
  nb: 'inntil videre',
  nn: 'inntil vidare',
  en: 'until further notice',
};

/** Norwegian wall-clock time in each language, as the server writes it (notice-templates.ts). */
function noticeTime(at: Date | null, language: Language): string {
  if (!at) return UNTIL_FURTHER[language];
  return new Intl.DateTimeFormat(TIME_LOCALES[language], {
    timeZone: 'Europe/Oslo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);
}

/** A datetime-local value for now + `hours`, on the whole hour, in the browser's zone. */
function localInput(hours: number): string {
  const at = new Date(Date.now() + hours * 3_600_000);
  at.setMinutes(0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:00`;
}

function filled(texts: Texts, values: { area: string; start: Date; end: Date | null }) {
  const out: { nb: string; nn?: string; en?: string } = { nb: '' };
  for (const language of LANGUAGES) {
    const text = texts[language].trim();
    if (!text) continue;
    out[language] = fillTemplate(text, {
      area: values.area,
      start: noticeTime(values.start, language),
      end: noticeTime(values.end, language),
    });
  }
  return out;
}

export default function NewNoticePage() {
  const t = useT();
  const { kommunenummer } = useMembership();
  const navigate = useNavigate();
  const directory = useDirectory();
  const ids = useId();
  const [templates, setTemplates] = useState<NoticeTemplate[] | null>(null);
  const [type, setType] = useState<NoticeType>('flushing');
  const [areaName, setAreaName] = useState('');
  const [start, setStart] = useState(() => localInput(24));
  const [end, setEnd] = useState(() => localInput(32));
  const [titles, setTitles] = useState<Texts>(EMPTY_TEXTS);
  const [bodies, setBodies] = useState<Texts>(EMPTY_TEXTS);
  const [lat, setLat] = useState('59.14');
  const [lon, setLon] = useState('9.66');
  const [radius, setRadius] = useState('300');
  const [polygons, setPolygons] = useState<Polygons | null>(null);
  const [line, setLine] = useState<number[][] | null>(null);
  const [buffer, setBuffer] = useState('50');
  const [fileProblem, setFileProblem] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    noticesApi.templates(kommunenummer, controller.signal).then(
      (answer) => setTemplates(answer.templates),
      (problem: unknown) => {
        if (!controller.signal.aborted) setError(problem);
      },
    );
    return () => controller.abort();
  }, [kommunenummer]);

  // A new type brings its template's wording; what was typed for the old type is replaced.
  useEffect(() => {
    const template = templates?.find((x) => x.type === type);
    if (!template) return;
    setTitles({ nb: template.title.nb, nn: template.title.nn ?? '', en: template.title.en ?? '' });
    setBodies({ nb: template.body.nb, nn: template.body.nn ?? '', en: template.body.en ?? '' });
  }, [templates, type]);

  const center = { lat: Number(lat), lon: Number(lon) };
  const centerValid = Number.isFinite(center.lat) && Number.isFinite(center.lon) && lat !== '' && lon !== '';
  const bufferMetres = Number(buffer);
  const bufferValid = buffer !== '' && bufferMetres >= MIN_BUFFER_METRES && bufferMetres <= MAX_BUFFER_METRES;
  const linePreview = line && bufferValid ? bufferLine(line as [number, number][], bufferMetres) : undefined;

  async function chooseFile(file: File | undefined) {
    setFileProblem(false);
    if (!file) return;
    const read = await readGeoJsonPolygons(file);
    setPolygons(read);
    if (read) setLine(null);
    setFileProblem(read === null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    const startsAt = new Date(start);
    const expectedEndAt = end ? new Date(end) : null;
    const values = { area: areaName.trim(), start: startsAt, end: expectedEndAt };
    const area: NoticeArea = polygons
      ? { type: 'MultiPolygon', coordinates: polygons }
      : line
        ? { type: 'LineString', coordinates: line, bufferMetres }
        : { type: 'Circle', center, radiusMetres: Number(radius) };
    try {
      const notice = await noticesApi.create(kommunenummer, {
        type,
        title: filled(titles, values),
        body: filled(bodies, values),
        area,
        startsAt: Number.isNaN(startsAt.getTime()) ? start : startsAt.toISOString(),
        expectedEndAt:
          expectedEndAt && !Number.isNaN(expectedEndAt.getTime()) ? expectedEndAt.toISOString() : null,
      });
      void navigate(`../${notice.id}`, { relative: 'path', state: { done: 'created' } });
    } catch (problem) {
      setError(problem);
      setSaving(false);
    }
  }

  if (templates === null && !error) return <Loading />;
  return (
    <>
      <PageHeading title={t('notices.new')} />
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, FORM)} />
      <form className="notice-form" onSubmit={(event) => void save(event)} noValidate>
        <Select
          id={fieldId(FORM, 'type')}
          label={t('notices.form.type')}
          value={type}
          onChange={(event) => setType(event.target.value as NoticeType)}
        >
          {NOTICE_TYPE_LIST.map((value) => (
            <option key={value} value={value}>
              {typeName(t, value)}
            </option>
          ))}
        </Select>
        <Field
          id={fieldId(FORM, 'areaName')}
          label={t('notices.form.areaName')}
          hint={t('notices.form.areaNameHint')}
          value={areaName}
          maxLength={100}
          required
          onChange={(event) => setAreaName(event.target.value)}
        />
        <Field
          id={fieldId(FORM, 'startsAt')}
          type="datetime-local"
          label={t('notices.form.start')}
          value={start}
          required
          onChange={(event) => setStart(event.target.value)}
        />
        <Field
          id={fieldId(FORM, 'expectedEndAt')}
          type="datetime-local"
          label={t('notices.form.end')}
          hint={t('notices.form.endHint')}
          value={end}
          onChange={(event) => setEnd(event.target.value)}
        />
        <NoticeTextFields
          form={FORM}
          titles={titles}
          bodies={bodies}
          onTitles={setTitles}
          onBodies={setBodies}
        />
        <fieldset>
          <legend>{t('notices.form.area')}</legend>
          <p className="field-hint">{t('notices.form.areaHint')}</p>
          {polygons ? (
            <p role="status">
              {t('notices.form.geojsonLoaded', { count: polygons.length })}{' '}
              <Button variant="link" onClick={() => setPolygons(null)}>
                {t('notices.form.geojsonClear')}
              </Button>
            </p>
          ) : line ? (
            <>
              <p role="status">
                {t('notices.form.lineDrawn', { count: line.length })}{' '}
                <Button variant="link" onClick={() => setLine(null)}>
                  {t('notices.form.geojsonClear')}
                </Button>
              </p>
              <Field
                id={fieldId(FORM, 'area.bufferMetres')}
                type="number"
                min={MIN_BUFFER_METRES}
                max={MAX_BUFFER_METRES}
                label={t('notices.form.buffer')}
                hint={t('notices.form.bufferHint', { min: MIN_BUFFER_METRES, max: MAX_BUFFER_METRES })}
                value={buffer}
                onChange={(event) => setBuffer(event.target.value)}
              />
            </>
          ) : (
            <>
              <Field
                id={fieldId(FORM, 'area.center.lat')}
                type="number"
                step="any"
                label={t('notices.form.lat')}
                value={lat}
                onChange={(event) => setLat(event.target.value)}
              />
              <Field
                id={fieldId(FORM, 'area.center.lon')}
                type="number"
                step="any"
                label={t('notices.form.lon')}
                value={lon}
                onChange={(event) => setLon(event.target.value)}
              />
              <Field
                id={fieldId(FORM, 'area.radiusMetres')}
                type="number"
                min={10}
                max={20000}
                label={t('notices.form.radius')}
                value={radius}
                onChange={(event) => setRadius(event.target.value)}
              />
            </>
          )}
          <AreaMap
            center={centerValid ? center : undefined}
            radiusMetres={Number(radius) || undefined}
            polygons={polygons ?? linePreview}
            line={polygons ? undefined : (line ?? undefined)}
            onPick={(pickedLat, pickedLon) => {
              // While a line is drawn, a click on the map is part of drawing, not a new centre.
              if (line) return;
              setPolygons(null);
              setLat(pickedLat.toFixed(6));
              setLon(pickedLon.toFixed(6));
            }}
            onDraw={(polygon) => {
              setFileProblem(false);
              setLine(null);
              setPolygons((old) => [...(old ?? []), polygon]);
            }}
            onDrawLine={(drawn) => {
              setFileProblem(false);
              setPolygons(null);
              setLine(drawn);
            }}
            language={t.language}
            tiles={directory.map}
            label={t('notices.form.map')}
          />
          <Field
            id={`${ids}-geojson`}
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            label={t('notices.form.geojson')}
            error={fileProblem ? t('notices.form.geojsonInvalid') : undefined}
            onChange={(event) => void chooseFile(event.target.files?.[0])}
          />
        </fieldset>
        <div className="notice-actions">
          <Button type="submit" busy={saving} busyLabel={t('notices.form.saving')}>
            {t('notices.form.save')}
          </Button>
          <Link to=".." relative="path">
            {t('notices.form.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
