import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  avif,
  decompressionBomb,
  GPS_MARKER,
  heicHeader,
  jpeg,
  jpegWithGps,
  oversizedJpeg,
  png,
  sidewaysJpeg,
  textPretendingToBeJpeg,
  truncatedJpeg,
  webp,
} from '../../../test/support/images.ts';
import { AppError } from '../../shared/errors.ts';
import { MAX_PHOTO_BYTES, processPhoto } from './process-photo.ts';

async function refusal(input: Buffer): Promise<AppError> {
  const error = await processPhoto(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('processPhoto', () => {
  it('drops all metadata, GPS position included', async () => {
    const input = await jpegWithGps();
    // The test photo really carries EXIF with a GPS block.
    const before = await sharp(input).metadata();
    expect(before.exif?.includes(GPS_MARKER)).toBe(true);

    const { large, thumb } = await processPhoto(input);
    for (const output of [large, thumb]) {
      const after = await sharp(output).metadata();
      expect(after.format).toBe('webp');
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.iptc).toBeUndefined();
      for (const text of ['Exif', 'GPS', GPS_MARKER, 'TestPhone', 'Storgata']) {
        expect(output.includes(text)).toBe(false);
      }
    }
  });

  it('shrinks a 4000×3000 camera photo to 2048 px and a 480 px thumbnail, keeping the shape', async () => {
    const result = await processPhoto(await jpeg(4000, 3000));
    expect(result).toMatchObject({ width: 2048, height: 1536, bytes: result.large.length });
    const thumb = await sharp(result.thumb).metadata();
    expect([thumb.width, thumb.height]).toEqual([480, 360]);
    expect(result.thumb.length).toBeLessThan(result.large.length);
  });

  it('never enlarges a small photo', async () => {
    const result = await processPhoto(await jpeg(320, 200));
    expect([result.width, result.height]).toEqual([320, 200]);
    const thumb = await sharp(result.thumb).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 200]);
  });

  it('turns a photo upright by its EXIF orientation', async () => {
    const result = await processPhoto(await sidewaysJpeg());
    expect([result.width, result.height]).toEqual([300, 400]);
    // Stored red-left, blue-right; turned 90° clockwise, red is on top.
    const { data } = await sharp(result.large).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * 300 + x) * 3, (y * 300 + x) * 3 + 3)];
    expect(pixel(150, 50)).toEqual([
      expect.closeTo(255, -1.5),
      expect.closeTo(0, -1.5),
      expect.closeTo(0, -1.5),
    ]);
    expect(pixel(150, 350)).toEqual([
      expect.closeTo(0, -1.5),
      expect.closeTo(0, -1.5),
      expect.closeTo(255, -1.5),
    ]);
  });

  it.each([
    ['PNG', () => png(640, 480)],
    ['WebP', () => webp(640, 480)],
    ['AVIF', () => avif(640, 480)],
  ])('accepts %s', async (_name, make) => {
    const result = await processPhoto(await make());
    expect([result.width, result.height]).toEqual([640, 480]);
    expect((await sharp(result.large).metadata()).format).toBe('webp');
  });

  it('refuses a file that is not an image, whatever it is called', async () => {
    for (const input of [textPretendingToBeJpeg(), Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')]) {
      const error = await refusal(input);
      expect(error).toMatchObject({ status: 415, code: 'photo_unsupported_type' });
      expect(error.localized.nb).toContain('JPEG, PNG, WebP eller AVIF');
    }
  });

  it('refuses HEIC with a message saying how to get a JPEG from the phone', async () => {
    const error = await refusal(heicHeader());
    expect(error).toMatchObject({ status: 415, code: 'photo_heic_unsupported' });
    expect(error.localized.nb).toContain('Mest kompatibel');
    expect(error.localized.en).toContain('Most Compatible');
  });

  it('refuses a photo cut off half-way as damaged', async () => {
    const error = await refusal(await truncatedJpeg());
    expect(error).toMatchObject({ status: 422, code: 'photo_damaged' });
    expect(error.localized.nb).toBe('Bildet er skadet eller ufullstendig. Prøv å ta det på nytt.');
  });

  it('refuses a decompression bomb by the size it claims, before decoding it', async () => {
    const bomb = await decompressionBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(bomb);
    // Only the header check gives this code (sharp's own pixel limit would read as damaged).
    expect(error).toMatchObject({ status: 422, code: 'photo_too_many_pixels' });
    expect(error.localized.nb).toContain('50 megapiksler');
  });

  it('refuses more than 15 MB before looking inside', async () => {
    const error = await refusal(oversizedJpeg(MAX_PHOTO_BYTES));
    expect(error).toMatchObject({ status: 413, code: 'photo_too_large' });
    expect(error.localized.en).toContain('15 MB');
  });
});
