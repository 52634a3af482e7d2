// What to tell a person about a failed request: the server's own message (already in their
// language), or ours when no proper answer came.
import type { Translator } from '../i18n/index.ts';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './client.ts';

export function errorText(error: unknown, t: Translator): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('errors.network');
    if (error.code === UNEXPECTED_RESPONSE) return t('errors.unexpected', { status: error.status });
    return error.message;
  }
  return t('errors.network');
}
