// Staff changes to subscribers: enter one at the desk (the resident consented there, so the
// channels count as confirmed; the consent is what the audit entry records), flag or unflag one
// as vulnerable with a note and a name to ask for, and unsubscribe one. Every change is audited,
// without the contact details themselves.
import { sql } from 'drizzle-orm';
import { type Database, type Queryable, queryRows } from '../../db/client.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import { isEmailAddress } from '../../shared/text.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { normalizePhone } from '../reports/contact.ts';
import type { SubscriberCreate, VulnerableInput } from './http-schemas.ts';
import { subscribers } from './schema.ts';
import { subscriptionMessages } from './subscription-texts.ts';
import { unsubscribe } from './unsubscribe.ts';

/** The address exactly as in the local address data (case aside), with its point. */
export async function findAddress(db: Database, kommunenummer: string, text: string) {
  const [hit] = await queryRows<{ adressetekst: string; lat: number; lon: number }>(
    db,
    sql`select adressetekst, lat, lon from addresses
         where kommunenummer = ${kommunenummer} and search_text = ${text.trim().replace(/\s+/g, ' ').toLowerCase()}
         limit 1`,
  );
  return hit;
}

function refuse(errors: ErrorDetail[]): AppError {
  return new AppError(
    422,
    'subscriber_invalid',
    errors[0]?.message ?? subscriptionMessages.contactRequired(),
    errors,
  );
}

export async function createSubscriberByStaff(
  db: Database,
  actorId: string,
  kommunenummer: string,
  input: SubscriberCreate,
): Promise<string> {
  const errors: ErrorDetail[] = [];
  const email = input.email?.trim() || null;
  const phone = input.phone?.trim() ? normalizePhone(input.phone.trim()) : null;
  if (email && !isEmailAddress(email))
    errors.push({ field: 'email', code: 'invalid', message: subscriptionMessages.emailInvalid() });
  if (input.phone?.trim() && !phone)
    errors.push({ field: 'phone', code: 'invalid', message: subscriptionMessages.phoneInvalid() });
  if (!email && !input.phone?.trim())
    errors.push({ field: 'email', code: 'required', message: subscriptionMessages.contactRequired() });
  let place: { address: string | null; lat: number; lon: number } | undefined;
  if (input.address) {
    const hit = await findAddress(db, kommunenummer, input.address);
    if (hit) place = { address: hit.adressetekst, lat: hit.lat, lon: hit.lon };
    else
      errors.push({ field: 'address', code: 'not_found', message: subscriptionMessages.addressNotFound() });
  } else if (input.lat !== undefined && input.lon !== undefined) {
    place = { address: null, lat: input.lat, lon: input.lon };
  } else {
    errors.push({ field: 'address', code: 'required', message: subscriptionMessages.placeRequired() });
  }
  if (errors.length > 0 || !place) throw refuse(errors);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(subscribers)
      .values({
        kommunenummer,
        ...place,
        language: input.language,
        email,
        emailConfirmedAt: email ? now : null,
        phone,
        phoneConfirmedAt: phone ? now : null,
        source: 'staff',
        vulnerable: input.vulnerable ?? false,
        vulnerableNote: input.vulnerableNote?.trim() || null,
        contactName: input.contactName?.trim() || null,
      })
      .returning({ id: subscribers.id });
    if (!row) throw new Error('subscriber not created');
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'subscriber.created',
      entityType: 'subscriber',
      entityId: row.id,
      after: {
        source: 'staff',
        consent: 'given at the desk to the staff member who entered it',
        email: email !== null,
        sms: phone !== null,
        vulnerable: input.vulnerable ?? false,
      },
    });
    return row.id;
  });
}

async function liveVulnerable(db: Queryable, kommunenummer: string, id: string) {
  const [row] = await queryRows<{ vulnerable: boolean; has_note: boolean }>(
    db,
    sql`select vulnerable, vulnerable_note is not null as has_note from subscribers
         where id = ${id}::uuid and kommunenummer = ${kommunenummer} and unsubscribed_at is null`,
  );
  if (!row) throw new AppError(404, 'subscriber_not_found', subscriptionMessages.subscriberNotFound());
  return row;
}

export async function setVulnerable(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
  input: VulnerableInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await liveVulnerable(tx, kommunenummer, id);
    const note = input.vulnerable ? input.note?.trim() || null : null;
    await tx.execute(
      sql`update subscribers set vulnerable = ${input.vulnerable}, vulnerable_note = ${note},
             contact_name = ${input.contactName === undefined ? sql`contact_name` : input.contactName?.trim() || null},
             updated_at = now()
           where id = ${id}::uuid`,
    );
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'subscriber.vulnerable_changed',
      entityType: 'subscriber',
      entityId: id,
      before: { vulnerable: before.vulnerable, note: before.has_note },
      after: { vulnerable: input.vulnerable, note: note !== null },
    });
  });
}

export async function removeSubscriber(db: Database, actorId: string, kommunenummer: string, id: string) {
  await db.transaction(async (tx) => {
    await liveVulnerable(tx, kommunenummer, id);
    await unsubscribe(tx, id);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'subscriber.unsubscribed',
      entityType: 'subscriber',
      entityId: id,
    });
  });
}
