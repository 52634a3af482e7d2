// A resident asks for notices for one place (use case of the public form). The subscriber is
// stored unconfirmed and each given channel gets its confirmation (queue-confirmation.ts) in the
// same transaction. Asking again for the same place and address renews the link/code of the
// live row instead of adding a second one, so pressing the button twice does not subscribe twice.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import { queueSubscriptionConfirmation, type SubscriptionDeps } from './queue-confirmation.ts';
import { subscribers } from './schema.ts';
import {
  CONFIRM_TTL_MS,
  hashSubscriberCode,
  issueSubscriberRef,
  newCode,
  newLinkToken,
} from './subscriber-secrets.ts';
import { SUBSCRIBE_TEXT } from './subscription-texts.ts';

export interface SubscribeInput {
  kommunenummer: string;
  municipalityName: string;
  slug: string;
  address: string | null;
  lat: number;
  lon: number;
  email: string | null;
  phone: string | null;
  language: Language;
}

export interface SubscribeResult {
  /** The signed reference the code form carries (subscriber-secrets.ts). */
  ref: string;
  email: string | null;
  phone: string | null;
}

export async function subscribe(
  db: Database,
  deps: SubscriptionDeps,
  input: SubscribeInput,
): Promise<SubscribeResult> {
  return db.transaction(async (tx) => {
    const [existing] = await queryRows<{ id: string }>(
      tx,
      sql`select id from subscribers
           where kommunenummer = ${input.kommunenummer} and unsubscribed_at is null
             and lat = ${input.lat} and lon = ${input.lon}
             and lower(coalesce(email, '')) = lower(${input.email ?? ''})
             and coalesce(phone, '') = ${input.phone ?? ''}
           limit 1`,
    );
    const id = existing?.id ?? randomUUID();
    const link = input.email ? newLinkToken() : undefined;
    const code = input.phone ? newCode() : undefined;
    const secrets = {
      confirmTokenHash: link?.hash ?? null,
      smsCodeHash: code ? hashSubscriberCode(deps.secret, id, code) : null,
      confirmExpiresAt: new Date(Date.now() + CONFIRM_TTL_MS),
      confirmAttempts: 0,
      language: input.language,
      updatedAt: new Date(),
    };
    if (existing) {
      await tx.update(subscribers).set(secrets).where(sql`id = ${id}::uuid`);
    } else {
      await tx.insert(subscribers).values({
        id,
        kommunenummer: input.kommunenummer,
        address: input.address,
        lat: input.lat,
        lon: input.lon,
        email: input.email,
        phone: input.phone,
        source: 'web',
        ...secrets,
      });
    }
    const common = {
      subscriberId: id,
      kommunenummer: input.kommunenummer,
      municipalityName: input.municipalityName,
      slug: input.slug,
      language: input.language,
      place: input.address ?? SUBSCRIBE_TEXT[input.language].thePlace,
      requestKey: randomUUID(),
    };
    if (input.email && link)
      await queueSubscriptionConfirmation(tx, deps, {
        ...common,
        channel: 'email',
        recipient: input.email,
        secret: link.token,
      });
    if (input.phone && code)
      await queueSubscriptionConfirmation(tx, deps, {
        ...common,
        channel: 'sms',
        recipient: input.phone,
        secret: code,
      });
    return { ref: issueSubscriberRef(deps.secret, id), email: input.email, phone: input.phone };
  });
}
