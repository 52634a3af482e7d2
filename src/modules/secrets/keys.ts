// The keys that encrypt stored secrets, as the operator writes them (SECRETS_KEY, the key file):
// 32 bytes as base64 or as 64 hex digits, several separated by commas. No other imports, so the
// configuration can check SECRETS_KEY without loading the rest.
import { createHash, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;

/** 32 bytes written as base64 (standard or URL-safe, padded or not) or as 64 hex digits. */
export function parseKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return undefined;
  const key = Buffer.from(value, 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

/** Several keys separated by commas, the encrypting one first; undefined if any is malformed. */
export function parseKeys(text: string): Buffer[] | undefined {
  const keys: Buffer[] = [];
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const key = parseKey(part);
    if (!key) return undefined;
    if (!keys.some((k) => k.equals(key))) keys.push(key);
  }
  return keys.length > 0 ? keys : undefined;
}

export function generateKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
