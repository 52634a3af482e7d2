import { sql } from 'drizzle-orm';
import { char, doublePrecision, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Address points imported from Kartverket's address file (`npm run import:addresses`), for the
 * local address search. Not tied to `municipalities`: the national file covers every municipality.
 */
export const addresses = pgTable(
  'addresses',
  {
    /** Kartverket's `lokalid` when the file has one, else a hash of kommunenummer + adressetekst. */
    id: text('id').primaryKey(),
    kommunenummer: char('kommunenummer', { length: 4 }).notNull(),
    /** "Storgata 12B" */
    adressetekst: text('adressetekst').notNull(),
    postnummer: text('postnummer').notNull().default(''),
    poststed: text('poststed').notNull().default(''),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    /** lower(adressetekst), for prefix search with `LIKE 'storg%'` on a text_pattern_ops index. */
    searchText: text('search_text').notNull().generatedAlwaysAs(sql`lower(adressetekst)`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('addresses_prefix_idx').using('btree', t.kommunenummer, t.searchText.op('text_pattern_ops'))],
);
