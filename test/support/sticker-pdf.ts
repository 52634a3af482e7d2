// Reads a sticker PDF back the way a phone would: renders every page with poppler's pdftoppm at
// 150 dpi, cuts out each label by the layout's geometry and decodes its QR code with jsQR.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';
import { labelPosition, type StickerLayout } from '../../src/modules/stickers/layouts.ts';

const run = promisify(execFile);
// jsQR is CommonJS; how its default export arrives depends on the loader, so take whichever is the function.
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const loaded = jsqrModule as unknown as { default?: Decode };
const jsQR: Decode = typeof loaded === 'function' ? (loaded as Decode) : (loaded.default as Decode);
const DPI = 150;
const px = (mm: number) => Math.round((mm / 25.4) * DPI);

function crop(page: PNG, x: number, y: number, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * page.width + x) * 4;
    out.set(page.data.subarray(from, from + width * 4), row * width * 4);
  }
  return out;
}

/** What each label's QR code says, in print order; `null` for a label that did not decode. */
export async function decodeStickerPdf(pdf: Buffer, layout: StickerLayout, count: number) {
  const dir = await mkdtemp(join(tmpdir(), 'stickers-'));
  try {
    await writeFile(join(dir, 'sheet.pdf'), pdf);
    await run('pdftoppm', ['-r', String(DPI), '-png', join(dir, 'sheet.pdf'), join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const images = await Promise.all(pages.map(async (f) => PNG.sync.read(await readFile(join(dir, f)))));
    const decoded: (string | null)[] = [];
    for (let index = 0; index < count; index++) {
      const at = labelPosition(layout, index);
      const page = images[at.page];
      if (!page)
        throw new Error(`sticker ${index} should be on page ${at.page + 1}; the PDF has ${pages.length}`);
      const x = px(at.x);
      const y = px(at.y);
      const width = Math.min(px(layout.width), page.width - x);
      const height = Math.min(px(layout.height), page.height - y);
      decoded.push(jsQR(crop(page, x, y, width, height), width, height)?.data ?? null);
    }
    return { pages: pages.length, decoded };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The PDF's distinct embedded images (by object number), as poppler's pdfimages lists them. */
export async function distinctPdfImages(pdf: Buffer): Promise<{ placements: number; objects: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'stickers-'));
  try {
    await writeFile(join(dir, 'sheet.pdf'), pdf);
    const { stdout } = await run('pdfimages', ['-list', join(dir, 'sheet.pdf')]);
    // After two header lines: page num type width height color comp bpc enc interp object ID …
    const rows = stdout
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells[2] === 'image');
    return { placements: rows.length, objects: new Set(rows.map((cells) => cells[10])).size };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
