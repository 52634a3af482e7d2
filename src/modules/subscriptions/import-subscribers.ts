// An admin's CSV of subscribers the municipality already holds consent for. Header row, `;` or
// `,` (whichever the header uses), UTF-8 with or without BOM; columns adresse (or lat + lon),
// epost, mobil, språk, samtykke (required yes), sårbar, merknad, navn. Each line is accepted,
// "already there" (the same email or mobile for the same place is live already, or earlier in
// the file), or rejected with its line number and why, in the admin's language. Addresses are
// looked up all at once and the rows written in batches, so 10,000 lines take seconds.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { isLanguage, type Language } from '../../shared/language.ts';
import { hasControlCharacters, isEmailAddress } from '../../shared/text.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { normalizePhone } from '../reports/contact.ts';
import type { ImportResultView } from './http-schemas.ts';
import { IMPORT_REASONS, subscriptionMessages } from './subscription-texts.ts';

type Reason = keyof (typeof IMPORT_REASONS)['nb'];

/** Header names as admins write them, to the one each means. */
const COLUMN_NAMES: Record<string, string> = {
  adresse: 'address',
  address: 'address',
  lat: 'lat',
  lon: 'lon',
  epost: 'email',
  'e-post': 'email',
  email: 'email',
  mobil: 'phone',
  telefon: 'phone',
  phone: 'phone',
  språk: 'language',
  sprak: 'language',
  language: 'language',
  samtykke: 'consent',
  consent: 'consent',
  sårbar: 'vulnerable',
  sarbar: 'vulnerable',
  vulnerable: 'vulnerable',
  merknad: 'note',
  note: 'note',
  navn: 'name',
  name: 'name',
};
const LIMITS: Record<string, number> = { address: 200, email: 254, phone: 40, name: 200, note: 1000 };
const YES = new Set(['ja', 'yes', 'true', '1', 'j', 'y', 'x']);
const MAX_REPORTED = 1000;
const BATCH = 1000;

/** A row to write, as the JSON the insert reads. */
interface NewRow {
  address: string | null;
  lat: number;
  lon: number;
  language: Language;
  email: string | null;
  phone: string | null;
  vulnerable: boolean;
  vulnerable_note: string | null;
  contact_name: string | null;
}

interface Candidate {
  line: number;
  address: string | null;
  lat: number | null;
  lon: number | null;
  email: string | null;
  phone: string | null;
  language: Language;
  vulnerable: boolean;
  note: string | null;
  name: string | null;
}

function checkLine(line: number, raw: Record<string, string>, defaultLanguage: Language): Candidate | Reason {
  for (const [key, value] of Object.entries(raw)) {
    if (value.length > (LIMITS[key] ?? 50)) return 'tooLong';
    if (hasControlCharacters(value, key === 'note')) return 'control';
  }
  if (!YES.has((raw.consent ?? '').toLowerCase())) return 'consent';
  const email = raw.email || null;
  const phone = raw.phone ? normalizePhone(raw.phone) : null;
  if (!email && !raw.phone) return 'contact';
  if (email && !isEmailAddress(email)) return 'email';
  if (raw.phone && !phone) return 'phone';
  const language = raw.language ? raw.language.toLowerCase() : defaultLanguage;
  if (!isLanguage(language)) return 'language';
  let lat: number | null = null;
  let lon: number | null = null;
  if (!raw.address) {
    lat = raw.lat ? Number(raw.lat.replace(',', '.')) : Number.NaN;
    lon = raw.lon ? Number(raw.lon.replace(',', '.')) : Number.NaN;
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return 'place';
  }
  return {
    line,
    address: raw.address ? raw.address.replace(/\s+/g, ' ') : null,
    lat,
    lon,
    email,
    phone,
    language,
    vulnerable: YES.has((raw.vulnerable ?? '').toLowerCase()),
    note: raw.note || null,
    name: raw.name || null,
  };
}

/** The keys a subscription is "the same" by: each of its channels at its place. */
function keysOf(email: string | null, phone: string | null, place: string): string[] {
  const keys: string[] = [];
  if (email) keys.push(`e:${email.toLowerCase()}|${place}`);
  if (phone) keys.push(`p:${phone}|${place}`);
  return keys;
}

const placeKey = (address: string | null, lat: number, lon: number) =>
  address ? `a:${address.toLowerCase()}` : `g:${lat.toFixed(6)},${lon.toFixed(6)}`;

async function readLines(csv: string): Promise<{ line: number; raw: Record<string, string> }[]> {
  const firstLine = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parser = Readable.from([csv]).pipe(
    parse({
      bom: true,
      delimiter,
      columns: (header: string[]) =>
        header.map((h) => COLUMN_NAMES[h.trim().toLowerCase()] ?? h.trim().toLowerCase()),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }),
  );
  const lines: { line: number; raw: Record<string, string> }[] = [];
  try {
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>)
      lines.push({ line: item.info.lines, raw: item.record });
  } catch (error) {
    throw new AppError(
      400,
      'import_not_csv',
      subscriptionMessages.importNotCsv((error as Error).message.slice(0, 200)),
    );
  }
  return lines;
}

export async function importSubscribers(
  db: Database,
  actorId: string,
  kommunenummer: string,
  csv: string,
  options: { language: Language; defaultLanguage: Language },
): Promise<ImportResultView> {
  const started = performance.now();
  if (!csv.replace(/^\uFEFF/, '').trim())
    throw new AppError(400, 'import_empty', subscriptionMessages.importEmpty());
  const lines = await readLines(csv);
  const reasons = IMPORT_REASONS[options.language];
  const rejectedLines: { line: number; reason: string }[] = [];
  let rejected = 0;
  const reject = (line: number, reason: Reason) => {
    rejected += 1;
    if (rejectedLines.length < MAX_REPORTED) rejectedLines.push({ line, reason: reasons[reason] });
  };
  const candidates: Candidate[] = [];
  for (const { line, raw } of lines) {
    const checked = checkLine(line, raw, options.defaultLanguage);
    if (typeof checked === 'string') reject(line, checked);
    else candidates.push(checked);
  }
  // Every address in the file, looked up at once (the same exact, case-blind match as the desk's).
  const wanted = [...new Set(candidates.flatMap((c) => (c.address ? [c.address.toLowerCase()] : [])))];
  const found = new Map<string, { text: string; lat: number; lon: number }>();
  if (wanted.length > 0) {
    const rows = await queryRows<{ search_text: string; adressetekst: string; lat: number; lon: number }>(
      db,
      sql`select distinct on (search_text) search_text, adressetekst, lat, lon from addresses
           where kommunenummer = ${kommunenummer}
             and search_text in (select jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb))
           order by search_text`,
    );
    for (const row of rows)
      found.set(row.search_text, { text: row.adressetekst, lat: row.lat, lon: row.lon });
  }
  const existing = await queryRows<{
    email: string | null;
    phone: string | null;
    address: string | null;
    lat: number;
    lon: number;
  }>(
    db,
    sql`select email, phone, address, lat, lon from subscribers
         where kommunenummer = ${kommunenummer} and unsubscribed_at is null`,
  );
  const seen = new Set(existing.flatMap((s) => keysOf(s.email, s.phone, placeKey(s.address, s.lat, s.lon))));
  let alreadyThere = 0;
  const now = new Date().toISOString();
  const rows: NewRow[] = [];
  for (const c of candidates) {
    const hit = c.address ? found.get(c.address.toLowerCase()) : undefined;
    if (c.address && !hit) {
      reject(c.line, 'address');
      continue;
    }
    const lat = hit?.lat ?? c.lat ?? 0;
    const lon = hit?.lon ?? c.lon ?? 0;
    const address = hit?.text ?? null;
    const keys = keysOf(c.email, c.phone, placeKey(address, lat, lon));
    if (keys.some((key) => seen.has(key))) {
      alreadyThere += 1;
      continue;
    }
    for (const key of keys) seen.add(key);
    rows.push({
      address,
      lat,
      lon,
      language: c.language,
      email: c.email,
      phone: c.phone,
      vulnerable: c.vulnerable,
      vulnerable_note: c.vulnerable ? c.note : null,
      contact_name: c.name,
    });
  }
  await db.transaction(async (tx) => {
    // One parameter per batch (a JSON array): thousands of rows × columns as separate parameters
    // made the writing take seconds.
    for (let i = 0; i < rows.length; i += BATCH) {
      await tx.execute(
        sql`insert into subscribers (kommunenummer, address, lat, lon, language, email, email_confirmed_at,
                                     phone, phone_confirmed_at, source, vulnerable, vulnerable_note, contact_name)
            select ${kommunenummer}, r.address, r.lat, r.lon, r.language, r.email,
                   case when r.email is null then null else ${now}::timestamptz end, r.phone,
                   case when r.phone is null then null else ${now}::timestamptz end, 'import', r.vulnerable,
                   r.vulnerable_note, r.contact_name
              from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + BATCH))}::jsonb) as r(
                address text, lat double precision, lon double precision, language text, email text,
                phone text, vulnerable boolean, vulnerable_note text, contact_name text)`,
      );
    }
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'subscriber.imported',
      entityType: 'subscriber_import',
      entityId: kommunenummer,
      after: { lines: lines.length, accepted: rows.length, alreadyThere, rejected },
    });
  });
  rejectedLines.sort((a, b) => a.line - b.line);
  return {
    lines: lines.length,
    accepted: rows.length,
    alreadyThere,
    rejected,
    rejectedLines,
    milliseconds: Math.round(performance.now() - started),
  };
}
