// The municipality's logo for its stickers. `logo_url` is either a path on this server (checked by
// the settings form) or an https address. A path is read through the app itself (an in-process
// request: no network, nothing but this server's own public routes); an https address through the
// public-only fetch, so a logo setting can never make the server call into its own network
// (SSRF). Either way the bytes are limited, must decode as an image, and are made into one small
// PNG that the PDF embeds once and draws on every sticker. A logo that cannot be had leaves the
// stickers without one: the QR code and the texts are what matters, and the caller says so.
import { createPublicOnlyFetch, type FetchLike } from '../../http/public-fetch.ts';
import { loadSharp } from '../../shared/load-sharp.ts';

/** Gets the logo's bytes for `logo_url`, or says why not. */
export type LogoReader = (logoUrl: string) => Promise<Uint8Array>;

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 5_000;
/** Pixels of the embedded PNG's longest side: ~0.2 mm per pixel at the 12 mm it is printed. */
const LOGO_PIXELS = 240;

export class LogoUnavailableError extends Error {
  override name = 'LogoUnavailableError';
}

/** Reads a response body up to `limit` bytes; more is refused rather than read on. */
async function readLimited(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) throw new LogoUnavailableError(`the logo is larger than ${limit} bytes`);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new LogoUnavailableError(`the logo is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

let publicFetch: FetchLike | undefined;

/** An https logo, fetched only from public addresses, within the time and size limits. */
export async function fetchPublicLogo(logoUrl: string, fetch?: FetchLike): Promise<Uint8Array> {
  if (!logoUrl.startsWith('https://')) throw new LogoUnavailableError('not an https address');
  publicFetch ??= createPublicOnlyFetch({ connectTimeoutMs: FETCH_TIMEOUT_MS });
  const response = await (fetch ?? publicFetch)(logoUrl, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    redirect: 'follow',
  });
  if (!response.ok) throw new LogoUnavailableError(`the logo's address answered ${response.status}`);
  return readLimited(response, MAX_LOGO_BYTES);
}

/**
 * Reads a logo for the back office's print: a path through `inject` (the app answering itself,
 * without cookies or network), an https address through the public-only fetch.
 */
export function appLogoReader(
  inject: (path: string) => Promise<{ statusCode: number; rawPayload: Buffer }>,
): LogoReader {
  return async (logoUrl) => {
    if (!logoUrl.startsWith('/') || logoUrl.startsWith('//')) return fetchPublicLogo(logoUrl);
    const answer = await inject(logoUrl);
    if (answer.statusCode !== 200) throw new LogoUnavailableError(`${logoUrl} answered ${answer.statusCode}`);
    if (answer.rawPayload.byteLength > MAX_LOGO_BYTES) {
      throw new LogoUnavailableError(`the logo is larger than ${MAX_LOGO_BYTES} bytes`);
    }
    return answer.rawPayload;
  };
}

/**
 * For the command line, which has no app to ask: a path is taken against PUBLIC_URL, and only an
 * https result is fetched (an embedded server at http://127.0.0.1 is not a public address).
 */
export function publicUrlLogoReader(publicUrl: string): LogoReader {
  return async (logoUrl) => {
    const url = logoUrl.startsWith('https://') ? logoUrl : new URL(logoUrl, publicUrl).toString();
    if (!url.startsWith('https://')) {
      throw new LogoUnavailableError(
        `${url} is not an https address; print from the back office to include a logo served by this server`,
      );
    }
    return fetchPublicLogo(url);
  };
}

/**
 * The logo as a data URI of a PNG at most LOGO_PIXELS on its longest side, with its aspect ratio.
 * pdfkit keeps images given as strings in a registry, so the PDF holds it once however many
 * stickers draw it. SVG, PNG, JPEG, WebP and GIF decode (sharp); anything else is refused.
 */
export async function logoForPdf(bytes: Uint8Array): Promise<{ dataUri: string; ratio: number }> {
  try {
    const sharp = await loadSharp();
    const { data, info } = await sharp(bytes, { limitInputPixels: 25_000_000, density: 300 })
      .resize({ width: LOGO_PIXELS, height: LOGO_PIXELS, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { dataUri: `data:image/png;base64,${data.toString('base64')}`, ratio: info.width / info.height };
  } catch {
    throw new LogoUnavailableError('the logo is not an image that can be read');
  }
}

/** Reads the logo by `reader` and makes it ready for the PDF; null, with the reason, when it cannot. */
export async function loadStickerLogo(
  logoUrl: string | null,
  reader: LogoReader,
): Promise<{ logo: { dataUri: string; ratio: number } | null; problem: string | null }> {
  if (!logoUrl) return { logo: null, problem: null };
  try {
    return { logo: await logoForPdf(await reader(logoUrl)), problem: null };
  } catch (error) {
    const problem = error instanceof LogoUnavailableError ? error.message : 'the logo could not be fetched';
    return { logo: null, problem };
  }
}
