// The address as a combobox over the municipality's address search (the residents' own
// endpoint). Choosing a suggestion sets the point; typed text without a choice is still sent
// as a description of the place.
import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { Combobox } from './Combobox.tsx';
import { type AddressHit, useDebounced } from './front-desk-api.ts';

export interface PlaceDraft {
  text: string;
  lat: number | null;
  lon: number | null;
}

export function AddressSearch({
  kommunenummer,
  value,
  onChange,
  error,
}: {
  kommunenummer: string;
  value: PlaceDraft;
  onChange(next: PlaceDraft): void;
  error?: string | undefined;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [hits, setHits] = useState<AddressHit[]>([]);
  const [failed, setFailed] = useState(false);
  const query = useDebounced(value.lat === null ? value.text.trim() : '', 200);
  useEffect(() => {
    if (query.length < 2) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    ok(
      client.GET('/api/v1/municipalities/{kommunenummer}/addresses', {
        params: { path: { kommunenummer }, query: { q: query, limit: 8 } },
        signal: controller.signal,
      }),
    ).then(
      (r) => {
        setHits(r.addresses);
        setFailed(false);
      },
      () => {
        if (!controller.signal.aborted) {
          setHits([]);
          setFailed(true);
        }
      },
    );
    return () => controller.abort();
  }, [kommunenummer, query]);
  const label = (hit: AddressHit) => `${hit.text}, ${hit.postcode} ${hit.postTown}`;
  return (
    <Combobox<AddressHit>
      id="desk-address"
      label={t('frontDesk.address')}
      hint={value.lat === null ? t('frontDesk.addressHint') : t('frontDesk.addressChosen')}
      error={error}
      value={value.text}
      onInput={(text) => onChange({ text, lat: null, lon: null })}
      options={hits}
      optionKey={(hit) => `${hit.text}|${hit.postcode}|${hit.lat}|${hit.lon}`}
      renderOption={label}
      onSelect={(hit) => onChange({ text: label(hit), lat: hit.lat, lon: hit.lon })}
      open={open}
      setOpen={setOpen}
      emptyText={
        query.length >= 2 ? (failed ? t('frontDesk.addressFailed') : t('frontDesk.addressNone')) : undefined
      }
      statusText={hits.length > 0 ? t('frontDesk.suggestions', { count: hits.length }) : ''}
    />
  );
}
