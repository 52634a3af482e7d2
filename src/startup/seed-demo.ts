// The demo data a start loads when SEED_DEMO is on: Porsgrunn, its sample addresses, a few
// hydrants and a pumping station with their QR stickers and reports, a current and an upcoming notice with a few made-up subscribers (written directly: nothing is sent) and
// (in the embedded demo only) one back-office account per role. Each part is skipped when it is already
// there, so a restart costs a few queries and no password hashing.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { readDemoPasswords, writeDemoPasswords } from '../modules/accounts/demo-password-file.ts';
import { type DemoAccount, seedDemoStaff } from '../modules/accounts/seed-demo-staff.ts';
import { porsgrunnDemoAssetReports, porsgrunnDemoAssets } from '../modules/assets/demo/porsgrunn.ts';
import { areDemoAssetsSeeded, seedDemoAssets } from '../modules/assets/seed-demo-assets.ts';
import { seedAddressesIfEmpty } from '../modules/geo/local-addresses.ts';
import { seedDemoNotices } from '../modules/notices/seed-demo-notices.ts';
import { seedDemoSubscribers } from '../modules/subscriptions/seed-demo-subscribers.ts';
import { porsgrunn } from '../modules/tenants/demo/porsgrunn.ts';
import { isMunicipalitySeeded } from '../modules/tenants/is-municipality-seeded.ts';
import { seedMunicipality } from '../modules/tenants/seed-municipality.ts';
import type { StartupPhases } from './phases.ts';

export const DEMO_DOMAIN = 'demo.meldepunkt.no';

export async function seedDemo(
  db: Database,
  config: Config,
  phases: StartupPhases,
  log: () => FastifyBaseLogger,
): Promise<DemoAccount[]> {
  await phases.time('seedMunicipality', async () => {
    if (await isMunicipalitySeeded(db, porsgrunn)) return;
    const added = await seedMunicipality(db, porsgrunn);
    phases.report.work.seedRowsAdded = Object.values(added).reduce((sum, n) => sum + n, 0);
    // Also when only newer demo data (such as the QR links) was added to an older install.
    if (phases.report.work.seedRowsAdded > 0) log().info(added, 'demo municipality Porsgrunn loaded');
  });
  await phases.time('seedAddresses', async () => {
    const addresses = await seedAddressesIfEmpty(db, porsgrunn.kommunenummer);
    if (!addresses) return;
    phases.report.work.addressesAdded = addresses.added;
    log().info({ added: addresses.added }, 'demo addresses for Porsgrunn loaded');
  });
  await phases.time('seedDemoAssets', async () => {
    const data = {
      assets: porsgrunnDemoAssets,
      linkCodes: (porsgrunn.reportLinks ?? []).map((link) => link.code),
      reports: porsgrunnDemoAssetReports,
    };
    if (await areDemoAssetsSeeded(db, porsgrunn.kommunenummer, data)) return;
    const added = await seedDemoAssets(db, porsgrunn.kommunenummer, data);
    phases.report.work.seedRowsAdded += added.assets + added.linksTied + added.reports;
    log().info(added, 'demo assets for Porsgrunn loaded');
  });
  await phases.time('seedDemoNotices', async () => {
    const added =
      (await seedDemoNotices(db, porsgrunn.kommunenummer, porsgrunn.notices ?? [])) +
      (await seedDemoSubscribers(db, porsgrunn.kommunenummer, porsgrunn.subscribers ?? []));
    phases.report.work.seedRowsAdded += added;
    if (added > 0) log().info({ added }, 'demo notices and subscribers for Porsgrunn loaded');
  });
  // Never in server mode: a real installation's accounts are made by its administrators.
  if (config.databaseMode !== 'embedded') return [];
  return phases.time('seedDemoStaff', async () => {
    const kept = await readDemoPasswords(config.dataDir);
    const result = await seedDemoStaff(db, porsgrunn.kommunenummer, DEMO_DOMAIN, kept);
    phases.report.work.passwordsHashed = result.hashed;
    if (result.hashed > 0) await writeDemoPasswords(config.dataDir, result.kept);
    return result.accounts;
  });
}
