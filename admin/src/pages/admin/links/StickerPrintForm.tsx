// Skriv ut klistremerker: a PDF of QR stickers for a type, an area or chosen assets, on 3×8 or
// 2×5 label sheets. The server makes missing report links; the browser saves the PDF it answers.
import { type FormEvent, useState } from 'react';
import { ApiError, changeHeaders } from '../../../api/client.ts';
import { Button, ErrorSummary, Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { summaryItems } from '../shared/forms.ts';
import { SavedNotice, Select, TextArea } from '../shared/inputs.tsx';

type By = 'type' | 'area' | 'polygon' | 'assets';
const FORM = 'stickers';

/** The PDF's file name from Content-Disposition (the server names it without personal data). */
function fileNameOf(response: Response): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? 'klistremerker.pdf';
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the object URL; it can go once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function StickerPrintForm({ prefix }: { prefix: string }) {
  const t = useT();
  const [by, setBy] = useState<By>('type');
  const [type, setType] = useState('hydrant');
  const [box, setBox] = useState({ west: '', south: '', east: '', north: '' });
  const [polygon, setPolygon] = useState('');
  const [assetIds, setAssetIds] = useState('');
  const [layout, setLayout] = useState<'3x8' | '2x5'>('3x8');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  function selection(): Record<string, unknown> {
    if (by === 'type') return { type: type.trim() };
    if (by === 'area') return { area: { bbox: [box.west, box.south, box.east, box.north].map(Number) } };
    if (by === 'assets') return { assetIds: assetIds.split(/\s+/).filter(Boolean) };
    try {
      return { area: JSON.parse(polygon) as unknown };
    } catch {
      throw new ApiError(400, 'bad_area', t('stickers.polygonInvalid'));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone('');
    setBusy(true);
    try {
      const response = await fetch(`${prefix}/stickers`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...changeHeaders(), 'content-type': 'application/json' },
        body: JSON.stringify({ layout, ...selection() }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: {
            code: string;
            message: string;
            details?: { field: string; code: string; message: string }[];
          };
        } | null;
        throw new ApiError(
          response.status,
          body?.error?.code ?? 'unexpected_response',
          body?.error?.message ?? response.statusText,
          body?.error?.details ?? [],
        );
      }
      const file = fileNameOf(response);
      save(await response.blob(), file);
      setDone(t('stickers.done', { count: Number(response.headers.get('x-sticker-count') ?? 0), file }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const boxField = (side: keyof typeof box) => (
    <Field
      id={`${FORM}-${side}`}
      label={t(`stickers.${side}`)}
      inputMode="decimal"
      required
      value={box[side]}
      onChange={(e) => setBox({ ...box, [side]: e.target.value })}
    />
  );

  return (
    <section aria-labelledby="stickers-title" className="sticker-print">
      <h2 id="stickers-title">{t('stickers.title')}</h2>
      <p>{t('stickers.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, FORM)} />
      <form onSubmit={submit} noValidate={false}>
        <fieldset>
          <legend>{t('stickers.by')}</legend>
          {(['type', 'area', 'polygon', 'assets'] as const).map((option) => (
            <label key={option} className="radio">
              <input
                type="radio"
                name="stickers-by"
                value={option}
                checked={by === option}
                onChange={() => setBy(option)}
              />{' '}
              {t(`stickers.by.${option}`)}
            </label>
          ))}
        </fieldset>
        {by === 'type' ? (
          <Field
            id={`${FORM}-type`}
            label={t('stickers.type')}
            hint={t('stickers.typeHint')}
            required
            pattern="[a-z0-9-]{1,40}"
            value={type}
            onChange={(e) => setType(e.target.value)}
          />
        ) : null}
        {by === 'area' ? (
          <div className="field-row">
            {boxField('west')}
            {boxField('south')}
            {boxField('east')}
            {boxField('north')}
          </div>
        ) : null}
        {by === 'polygon' ? (
          <TextArea
            id={`${FORM}-area`}
            label={t('stickers.polygon')}
            hint={t('stickers.polygonHint')}
            required
            rows={4}
            value={polygon}
            onChange={(e) => setPolygon(e.target.value)}
          />
        ) : null}
        {by === 'assets' ? (
          <TextArea
            id={`${FORM}-assetIds`}
            label={t('stickers.assets')}
            hint={t('stickers.assetsHint')}
            required
            rows={4}
            value={assetIds}
            onChange={(e) => setAssetIds(e.target.value)}
          />
        ) : null}
        <Select
          id={`${FORM}-layout`}
          label={t('stickers.layout')}
          value={layout}
          onChange={(e) => setLayout(e.target.value === '2x5' ? '2x5' : '3x8')}
        >
          <option value="3x8">{t('stickers.layout.3x8')}</option>
          <option value="2x5">{t('stickers.layout.2x5')}</option>
        </Select>
        <Button type="submit" disabled={busy}>
          {busy ? t('stickers.printing') : t('stickers.print')}
        </Button>
      </form>
      <SavedNotice message={done} />
    </section>
  );
}
