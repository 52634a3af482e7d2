// The embedded demo's staff passwords, kept in DATA_DIR so that a restart prints the same ones
// and needs no argon2 hashing (five hashes cost more than the rest of a restart together). The
// file holds only the demo accounts' passwords and the hash each was stored with, readable by
// the owner alone; a hash that no longer matches the database (the password was changed in the
// back office) makes that account's entry void.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface KeptDemoPassword {
  password: string;
  /** The argon2 hash stored for `password`: equal to the database's when nobody changed it. */
  passwordHash: string;
}

/** By email address. */
export type KeptDemoPasswords = Map<string, KeptDemoPassword>;

export const DEMO_PASSWORD_FILE = 'demo-accounts.json';

interface FileContent {
  version: 1;
  accounts: Record<string, KeptDemoPassword>;
}

function isKept(value: unknown): value is KeptDemoPassword {
  const v = value as Partial<KeptDemoPassword> | null;
  return typeof v?.password === 'string' && typeof v.passwordHash === 'string';
}

/** The kept passwords, or none when the file is missing or unreadable (then new ones are made). */
export async function readDemoPasswords(dataDir: string): Promise<KeptDemoPasswords> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, DEMO_PASSWORD_FILE), 'utf8');
  } catch {
    return new Map();
  }
  try {
    const content = JSON.parse(text) as Partial<FileContent>;
    if (content.version !== 1 || typeof content.accounts !== 'object' || content.accounts === null) {
      return new Map();
    }
    return new Map(Object.entries(content.accounts).filter((entry) => isKept(entry[1])));
  } catch {
    return new Map();
  }
}

/** Replaces the file whole (written beside it, then renamed), readable by the owner only. */
export async function writeDemoPasswords(dataDir: string, kept: KeptDemoPasswords): Promise<void> {
  const file = path.join(dataDir, DEMO_PASSWORD_FILE);
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const content: FileContent = { version: 1, accounts: Object.fromEntries(kept) };
  try {
    await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
