// "Take a photo": a file input that opens the back camera on a phone (capture="environment"),
// shown as one large button; the chosen photos are counted beside it.
import { useT } from '../../i18n/index.ts';

export function PhotoInput({
  id,
  photos,
  onChange,
}: {
  id: string;
  photos: File[];
  onChange: (photos: File[]) => void;
}) {
  const t = useT();
  return (
    <div className="field-photo-input">
      <input
        id={id}
        className="field-file"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        onChange={(e) => onChange([...photos, ...Array.from(e.target.files ?? [])])}
      />
      {/* After the input, so the input's keyboard focus can outline it (field.css). */}
      <label htmlFor={id} className="field-button secondary">
        {t('field.status.photos')}
      </label>
      {photos.length > 0 ? <p role="status">{t.plural('field.status.photosChosen', photos.length)}</p> : null}
    </div>
  );
}
