import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../components/index.ts';
import { useT } from '../i18n/index.ts';
import type { Membership } from '../session/index.ts';

/**
 * With several memberships: a list of municipalities and a "Switch" button (choosing in the list
 * alone changes nothing, WCAG 3.2.2). With one, just its name.
 */
export function MunicipalitySwitcher({
  current,
  memberships,
}: {
  current: Membership;
  memberships: Membership[];
}) {
  const t = useT();
  const navigate = useNavigate();
  const id = useId();
  const [chosen, setChosen] = useState(current.kommunenummer);
  if (memberships.length < 2) return <span className="municipality-name">{current.name}</span>;
  return (
    <form
      className="municipality-switcher"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen !== current.kommunenummer) void navigate(`/m/${chosen}/inbox`);
      }}
    >
      <label htmlFor={id}>{t('header.municipality')}</label>
      <select id={id} value={chosen} onChange={(event) => setChosen(event.target.value)}>
        {memberships.map((m) => (
          <option key={m.kommunenummer} value={m.kommunenummer}>
            {m.name}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary">
        {t('header.switch')}
      </Button>
    </form>
  );
}
