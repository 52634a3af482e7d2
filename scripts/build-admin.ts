// Builds the staff back office (admin/) into admin/dist with Vite, but only when the build is
// missing or older than its sources, so that `npm start` and test runs stay fast.
//   node scripts/build-admin.ts           build if stale (npm's prestart and predev)
//   node scripts/build-admin.ts --force   build anyway (npm run build:admin)
// test/global-setup.ts calls buildAdminIfStale() before the browser tests.
//
// Vite writes into a fresh directory beside admin/dist, which then replaces admin/dist by rename,
// so a running server or a second build started at the same time (two test runs in one checkout)
// never sees a half-written build.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ADMIN_DIR = fileURLToPath(new URL('../admin/', import.meta.url));
export const ADMIN_DIST = path.join(ADMIN_DIR, 'dist');
/** Written last by a build and dated to when the build started: the build's age. */
const STAMP = path.join(ADMIN_DIST, 'index.html');
/** What a build is made from (dependencies aside): a change to any of it makes admin/dist stale. */
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts'].map((p) => path.join(ADMIN_DIR, p));

async function newestChange(file: string): Promise<number> {
  const info = await stat(file);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(file, { recursive: true, withFileTypes: true });
  let newest = info.mtimeMs;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Why admin/dist must be built, or undefined when it is up to date. */
export async function staleReason(): Promise<string | undefined> {
  if (!existsSync(STAMP)) return 'admin/dist is missing';
  const built = (await stat(STAMP)).mtimeMs;
  for (const input of INPUTS) {
    if ((await newestChange(input)) > built)
      return `${path.relative(ADMIN_DIR, input)} changed since the build`;
  }
  return undefined;
}

/** Builds admin/ into admin/dist. Returns the output directory. */
export async function buildAdmin(options: { quiet?: boolean } = {}): Promise<string> {
  const started = new Date();
  const { build } = await import('vite');
  const staging = path.join(ADMIN_DIR, `.dist-${process.pid}-${randomBytes(4).toString('hex')}`);
  // Vitest's global setup runs with NODE_ENV=test, which would make Vite bundle React's
  // development build: a build is always for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      mode: 'production',
      root: ADMIN_DIR,
      configFile: path.join(ADMIN_DIR, 'vite.config.ts'),
      // Node runs the TypeScript config itself (no temporary bundled copy beside it).
      configLoader: 'native',
      logLevel: options.quiet ? 'warn' : 'info',
      build: { outDir: staging, emptyOutDir: true },
    });
    // Dated to the start, so a source saved during the build still counts as newer.
    await utimes(path.join(staging, 'index.html'), started, started);
    const old = `${staging}-old`;
    await rename(ADMIN_DIST, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    try {
      await rename(staging, ADMIN_DIST);
    } catch (error) {
      // Another build put its output in place between the two renames: keep that one.
      if (!['EEXIST', 'ENOTEMPTY'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
    await rm(old, { recursive: true, force: true });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    await rm(staging, { recursive: true, force: true });
  }
  return ADMIN_DIST;
}

/** Builds when admin/dist is missing or stale; says what it did unless quiet. */
export async function buildAdminIfStale(options: { force?: boolean; quiet?: boolean } = {}): Promise<void> {
  const reason = options.force ? 'asked to build' : await staleReason();
  if (!reason) {
    if (!options.quiet) console.log('admin/dist is up to date');
    return;
  }
  if (!options.quiet) console.log(`Building the back office (${reason})…`);
  await buildAdmin(options);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildAdminIfStale({ force: process.argv.includes('--force') });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      // An install without devDependencies (npm ci --omit=dev) has no Vite. The residents' service
      // must still start: it serves the build there is, or answers 503 at /admin without one.
      console.warn(
        existsSync(STAMP)
          ? 'Vite is not installed: serving admin/dist as it is.'
          : 'Vite is not installed and admin/dist is missing: /admin will answer 503 until it is built.',
      );
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  }
}
