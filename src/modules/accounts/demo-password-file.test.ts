import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEMO_PASSWORD_FILE, readDemoPasswords, writeDemoPasswords } from './demo-password-file.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-demo-pw-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('writes the passwords for the owner only and reads them back', async () => {
  const kept = new Map([['admin@demo.test', { password: 'abc', passwordHash: '$argon2id$x' }]]);
  await writeDemoPasswords(dir, kept);
  const file = path.join(dir, DEMO_PASSWORD_FILE);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(await readDemoPasswords(dir)).toEqual(kept);
  expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);
});

it('reads a missing, damaged or foreign file as nothing kept', async () => {
  expect((await readDemoPasswords(dir)).size).toBe(0);
  await writeFile(path.join(dir, DEMO_PASSWORD_FILE), '{ not json');
  expect((await readDemoPasswords(dir)).size).toBe(0);
  await writeFile(
    path.join(dir, DEMO_PASSWORD_FILE),
    JSON.stringify({ version: 1, accounts: { 'a@b.c': { password: 1 } } }),
  );
  expect((await readDemoPasswords(dir)).size).toBe(0);
});
