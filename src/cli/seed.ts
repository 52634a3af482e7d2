// `npm run seed`: loads the demo municipality Porsgrunn into the configured database.
// Only adds what is missing, so running it twice changes nothing.
import { ConfigError, loadConfig } from '../config.ts';
import { configuredDatabase, openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { errorText } from '../http/logging.ts';
import { porsgrunnDemoAssetReports, porsgrunnDemoAssets } from '../modules/assets/demo/porsgrunn.ts';
import { seedDemoAssets } from '../modules/assets/seed-demo-assets.ts';
import { seedAddressesIfEmpty } from '../modules/geo/local-addresses.ts';
import { porsgrunn } from '../modules/tenants/demo/porsgrunn.ts';
import { seedMunicipality } from '../modules/tenants/seed-municipality.ts';

try {
  const config = loadConfig();
  const db = await openDatabase(configuredDatabase(config, 2));
  try {
    await migrateDatabase(db);
    const added = await seedMunicipality(db.db, porsgrunn);
    console.log(
      `Demo municipality ${porsgrunn.name} (${porsgrunn.kommunenummer}): added ${added.municipalities} municipality, ` +
        `${added.teams} teams, ${added.groups} category groups, ${added.categories} categories, ` +
        `${added.reportLinks} report links (QR).`,
    );
    const addresses = await seedAddressesIfEmpty(db.db, porsgrunn.kommunenummer);
    console.log(
      addresses
        ? `Demo addresses for ${porsgrunn.name}: added ${addresses.added} (generated sample, not real addresses).`
        : `Demo addresses for ${porsgrunn.name}: the municipality already has addresses.`,
    );
    const assets = await seedDemoAssets(db.db, porsgrunn.kommunenummer, {
      assets: porsgrunnDemoAssets,
      linkCodes: (porsgrunn.reportLinks ?? []).map((link) => link.code),
      reports: porsgrunnDemoAssetReports,
    });
    console.log(
      `Demo assets for ${porsgrunn.name}: added ${assets.assets} assets, tied ${assets.linksTied} QR links, ` +
        `added ${assets.reports} reports.`,
    );
  } finally {
    await db.close();
  }
} catch (error) {
  console.error(`Seeding failed: ${error instanceof ConfigError ? error.message : errorText(error)}`);
  process.exitCode = 1;
}
