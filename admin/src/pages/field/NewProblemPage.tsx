// A new problem found in the field: category, description, and the device's position filled in
// (or an address when there is none). Queued like every other change; the server registers it with
// channel `felt`.
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { PhotoInput } from './PhotoInput.tsx';
import { useSync } from './sync.tsx';
import { useFieldDirectory } from './use-field-data.ts';
import { usePosition } from './use-position.ts';

export default function NewProblemPage() {
  const t = useT();
  const k = useParams().kommunenummer ?? '';
  const directory = useFieldDirectory(k);
  const { position, ask } = usePosition();
  const { add } = useSync();
  const [categoryCode, setCategoryCode] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoKey, setPhotoKey] = useState(0);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const categories = (directory?.categories ?? []).filter((c) => c.active !== false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!categoryCode) found.category = t('field.new.missingCategory');
    if (!description.trim()) found.description = t('field.new.missingDescription');
    if (!position && !address.trim()) found.address = t('field.new.missingPlace');
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`field-new-${first}`)?.focus();
      return;
    }
    const category = categories.find((c) => c.code === categoryCode);
    await add({
      kommunenummer: k,
      kind: 'report',
      report: {
        category: categoryCode,
        categoryName: category?.name ?? '',
        description: description.trim(),
        ...(position ? { lat: Number(position.lat.toFixed(6)), lon: Number(position.lon.toFixed(6)) } : {}),
        ...(address.trim() ? { address: address.trim() } : {}),
        ...(photos.length > 0 ? { photos: photos.map((p) => ({ blob: p, name: p.name })) } : {}),
      },
    });
    setPhotos([]);
    setPhotoKey((n) => n + 1);
    setCategoryCode('');
    setDescription('');
    setAddress('');
  };

  const describedBy = (name: string) => (errors[name] ? `field-new-${name}-error` : undefined);
  const errorText = (name: string) =>
    errors[name] ? (
      <p id={`field-new-${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null;

  return (
    <>
      <PageHeading title={t('field.new.title')} />
      <p>{t('field.new.intro')}</p>
      <form className="field-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="field-new-category">{t('field.new.category')}</label>
        <select
          id="field-new-category"
          value={categoryCode}
          onChange={(e) => setCategoryCode(e.target.value)}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={describedBy('category')}
        >
          <option value="">{t('field.new.chooseCategory')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {errorText('category')}
        <label htmlFor="field-new-description">{t('field.new.description')}</label>
        <textarea
          id="field-new-description"
          rows={4}
          maxLength={4000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={describedBy('description')}
        />
        {errorText('description')}
        <p className="field-label">{t('field.new.position')}</p>
        <p data-position={position ? 'known' : 'unknown'}>
          {position
            ? t('field.new.positionValue', { lat: position.lat.toFixed(5), lon: position.lon.toFixed(5) })
            : t('field.new.positionMissing')}
        </p>
        <button type="button" className="field-button secondary" onClick={ask}>
          {t('field.new.usePosition')}
        </button>
        <label htmlFor="field-new-address">{t('field.new.address')}</label>
        <input
          id="field-new-address"
          type="text"
          maxLength={200}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          aria-invalid={errors.address ? true : undefined}
          aria-describedby={describedBy('address')}
        />
        {errorText('address')}
        <PhotoInput id="field-new-photo" key={photoKey} photos={photos} onChange={setPhotos} />
        <button type="submit" className="field-button">
          {t('field.new.submit')}
        </button>
      </form>
    </>
  );
}
