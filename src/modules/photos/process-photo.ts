// Turns an uploaded photo into the two WebP files we keep. The upload is untrusted: its type is
// read from its bytes (never from the name or Content-Type), its size and pixel count are bounded
// before anything is decoded, and nothing of its metadata survives (EXIF carries GPS positions).
import { stat } from 'node:fs/promises';
import { type FileTypeResult, fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { loadSharp, type Sharp } from '../../shared/load-sharp.ts';

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** A 50 MP photo is more than any phone camera takes; a larger count is a decompression bomb. */
export const MAX_PHOTO_PIXELS = 50_000_000;
export const LARGE_MAX_SIDE = 2048;
export const THUMB_MAX_SIDE = 480;

/** The formats sharp decodes here. HEIC is not among them: sharp's prebuilt libheif reads AVIF only. */
const ACCEPTED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif']);
const HEIC_TYPES = new Set(['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence']);

export interface ProcessedPhoto {
  /** WebP, longest side at most LARGE_MAX_SIDE, upright, without metadata. */
  large: Buffer;
  /** WebP, longest side at most THUMB_MAX_SIDE. */
  thumb: Buffer;
  width: number;
  height: number;
  /** Size of `large` in bytes. */
  bytes: number;
}

/**
 * A photo in memory, or the path of a file (an upload streamed to disk: sharp reads it from
 * there, so a 15 MB upload is never held whole in memory).
 */
export type PhotoInput = Buffer | string;

async function sizeOf(input: PhotoInput): Promise<number> {
  return typeof input === 'string' ? (await stat(input)).size : input.length;
}

export async function processPhoto(input: PhotoInput): Promise<ProcessedPhoto> {
  if ((await sizeOf(input)) > MAX_PHOTO_BYTES) {
    throw new AppError(413, 'photo_too_large', messages.photoTooLarge(MAX_PHOTO_BYTES / 1024 / 1024));
  }
  await checkType(input);
  const sharp = await loadSharp();
  await checkPixelCount(sharp, input);

  const large = await decodeSafely(() =>
    sharp(input, { failOn: 'error', limitInputPixels: MAX_PHOTO_PIXELS })
      // Upright by the EXIF orientation, since the EXIF that says how to turn it is dropped.
      .autoOrient()
      .resize(LARGE_MAX_SIDE, LARGE_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      // No withMetadata()/keepExif(): sharp writes no EXIF, XMP, IPTC or ICC unless asked to.
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true }),
  );
  // The thumbnail comes from the large WebP we just made: decoding that is far cheaper than
  // decoding a 12 MP camera JPEG a second time.
  const thumb = await sharp(large.data)
    .resize(THUMB_MAX_SIDE, THUMB_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  return {
    large: large.data,
    thumb,
    width: large.info.width,
    height: large.info.height,
    bytes: large.data.length,
  };
}

/** The refusal for a file of this type (read from its bytes), or undefined for a photo we take. */
export function refusalForType(type: FileTypeResult | undefined): AppError | undefined {
  if (type && HEIC_TYPES.has(type.mime))
    return new AppError(415, 'photo_heic_unsupported', messages.photoHeic());
  if (!type || !ACCEPTED_TYPES.has(type.mime)) {
    return new AppError(415, 'photo_unsupported_type', messages.photoNotAnImage());
  }
  return undefined;
}

async function checkType(input: PhotoInput): Promise<void> {
  const refusal = refusalForType(
    typeof input === 'string' ? await fileTypeFromFile(input) : await fileTypeFromBuffer(input),
  );
  if (refusal) throw refusal;
}

/**
 * Reads the dimensions from the header alone, without decoding a pixel, so a small file that
 * unpacks to gigabytes is refused by its own claim. (sharp's limitInputPixels above does the same
 * again; it is checked here first to tell the resident which of the two problems they have.)
 */
async function checkPixelCount(sharp: Sharp, input: PhotoInput): Promise<void> {
  const { width, height } = await decodeSafely(() => sharp(input, { limitInputPixels: false }).metadata());
  if (width * height > MAX_PHOTO_PIXELS) {
    throw new AppError(422, 'photo_too_many_pixels', messages.photoTooManyPixels(MAX_PHOTO_PIXELS / 1e6));
  }
}

/** sharp has no error codes; any failure to read a file that passed the type check means it is damaged. */
async function decodeSafely<T>(decode: () => Promise<T>): Promise<T> {
  try {
    return await decode();
  } catch {
    throw new AppError(422, 'photo_damaged', messages.photoDamaged());
  }
}
