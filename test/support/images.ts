// Images for photo tests, made by sharp in the test itself: good photos, and each kind of bad upload.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

/** A plain colour JPEG of the given size. */
export function jpeg(width: number, height: number, background = '#3366aa'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer();
}

/** Written as ASCII into the GPS EXIF block, so a test can look for it in the bytes. */
export const GPS_MARKER = 'WGS-84';

/** A JPEG carrying the place it was taken (Porsgrunn) in its EXIF, as phone photos do. */
export function jpegWithGps(width = 800, height = 600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#557744' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone', ImageDescription: 'Kum ved Storgata' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '59/1 8/1 24/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '9/1 39/1 36/1',
        GPSMapDatum: GPS_MARKER,
      },
    })
    .toBuffer();
}

/**
 * 400×300 pixels, red on the left and blue on the right, with EXIF orientation 6 ("turn 90°
 * clockwise to view"), as a phone held upright stores it. Upright it is 300×400, red on top.
 */
export async function sidewaysJpeg(): Promise<Buffer> {
  const blue = await sharp({ create: { width: 200, height: 300, channels: 3, background: '#0000ff' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 400, height: 300, channels: 3, background: '#ff0000' } })
    .composite([{ input: blue, left: 200, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

export function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#ffcc0080' } })
    .png()
    .toBuffer();
}

export function webp(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#228822' } })
    .webp()
    .toBuffer();
}

export function avif(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#882222' } })
    .avif()
    .toBuffer();
}

let bomb: Promise<Buffer> | undefined;
/**
 * A decompression bomb: a 300 kB PNG that unpacks to 10000×10000 pixels (300 MB). Made once per
 * test file, as making it takes about a second.
 */
export function decompressionBomb(): Promise<Buffer> {
  bomb ??= sharp({
    create: { width: 10_000, height: 10_000, channels: 3, background: '#ffffff' },
    limitInputPixels: false,
  })
    .png({ compressionLevel: 9 })
    .toBuffer();
  return bomb;
}

/** The start of an iPhone HEIC file: an ISO-BMFF `ftyp` box with the `heic` brand. */
export function heicHeader(): Buffer {
  return Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic', 'latin1'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1heicmiaf', 'latin1'),
    randomBytes(2048),
  ]);
}

/** Text saved with a .jpg name: no image in it at all. */
export function textPretendingToBeJpeg(): Buffer {
  return Buffer.from('Dette er ikke et bilde, bare tekst med feil filnavn.\n'.repeat(20));
}

/** The first half of a real JPEG, as from an upload cut off half-way. */
export async function truncatedJpeg(): Promise<Buffer> {
  // Noise, so most of the file is image data (a plain colour compresses to almost nothing).
  const whole = await sharp({
    create: {
      width: 1200,
      height: 900,
      channels: 3,
      background: '#000000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg()
    .toBuffer();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A JPEG signature followed by `bytes` of noise: too large before anything else is looked at. */
export function oversizedJpeg(bytes: number): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes)]);
}

/** A report with photos as the API takes it: the JSON in the text field `report`, files named `photo`. */
export function reportForm(report: unknown, photos: readonly Buffer[], fileName = 'photo.jpg'): FormData {
  const form = new FormData();
  form.append('report', JSON.stringify(report));
  for (const photo of photos) {
    // The declared type is deliberately always image/jpeg: the server must look at the bytes.
    form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), fileName);
  }
  return form;
}
