// Sheets of QR stickers as a PDF for A4 label paper. The QR code is drawn as vector squares from
// the `qrcode` library's module matrix (sharp at any printer resolution, no image to embed), with
// the standard four-module quiet zone inside the label so a neighbouring label's print never
// touches it. Helvetica is one of PDF's standard fonts: nothing to embed, and it covers æøå.
import type PDFDocumentClass from 'pdfkit';
import type QRCodeModule from 'qrcode';
import { A4, labelPosition, type StickerLayout } from './layouts.ts';
import { stickerInstruction } from './sticker-texts.ts';

interface PdfLibraries {
  PDFDocument: typeof PDFDocumentClass;
  QRCode: typeof QRCodeModule;
}

let loadingLibraries: Promise<PdfLibraries> | undefined;

/** pdfkit and qrcode (about 40 MiB together) are loaded with the first sheet, not at start. */
function loadPdfLibraries(): Promise<PdfLibraries> {
  loadingLibraries ??= Promise.all([import('pdfkit'), import('qrcode')]).then(([pdfkit, qrcode]) => ({
    PDFDocument: pdfkit.default,
    QRCode: qrcode.default,
  }));
  return loadingLibraries;
}

export interface StickerContent {
  /** What the QR code holds: the report link's absolute URL. */
  url: string;
  /** The asset's id in the utility's register, printed in plain text. */
  externalId: string;
  typeCode: string;
}

export interface StickerLogo {
  /** A PNG as a data URI: pdfkit embeds an image given as a string once, however often it is drawn. */
  dataUri: string;
  /** Width over height. */
  ratio: number;
}

export interface StickerSheetInput {
  layout: StickerLayout;
  municipalityName: string;
  logo?: StickerLogo | null;
  stickers: readonly StickerContent[];
}

const PT_PER_MM = 72 / 25.4;
const QUIET_ZONE_MODULES = 4;
const PADDING_MM = 2;

const mm = (value: number) => value * PT_PER_MM;

/** Dark modules as horizontal runs: one rectangle per run keeps the PDF small. */
function drawQrCode(
  QRCode: PdfLibraries['QRCode'],
  doc: PDFKit.PDFDocument,
  url: string,
  x: number,
  y: number,
  side: number,
): void {
  // Error correction M: survives a scratched or dirty sticker with modules still large enough.
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const count = modules.size + 2 * QUIET_ZONE_MODULES;
  const unit = side / count;
  const origin = QUIET_ZONE_MODULES * unit;
  for (let row = 0; row < modules.size; row++) {
    let start = -1;
    for (let col = 0; col <= modules.size; col++) {
      const dark = col < modules.size && modules.get(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        // A hair wider than the run, so anti-aliasing leaves no seams between rows.
        doc.rect(
          x + origin + start * unit,
          y + origin + row * unit,
          (col - start) * unit + 0.01,
          unit + 0.01,
        );
        start = -1;
      }
    }
  }
  doc.fillColor('black').fill();
}

function drawSticker(
  QRCode: PdfLibraries['QRCode'],
  doc: PDFKit.PDFDocument,
  layout: StickerLayout,
  municipalityName: string,
  logo: StickerLogo | null,
  sticker: StickerContent,
  left: number,
  top: number,
): void {
  const pad = mm(PADDING_MM);
  const height = mm(layout.height);
  const qrSide = height - 2 * pad;
  drawQrCode(QRCode, doc, sticker.url, left + pad, top + pad, qrSide);

  const textX = left + pad + qrSide + pad / 2;
  const textWidth = mm(layout.width) - (textX - left) - pad;
  const scale = layout.height >= 50 ? 1.35 : 1;
  const instruction = stickerInstruction(sticker.typeCode);
  const idSize = 9 * scale;
  const bottom = top + height - pad;
  // A long municipality name wraps; whatever would reach the id's line is cut off, not overprinted.
  doc.save();
  doc.rect(textX, top, textWidth, bottom - idSize * 1.3 - top).clip();
  // The logo sits left of the name, at most 7 mm high (9.5 on the large labels) and 40 % of the
  // column wide; the instruction starts below whichever of the two ends lower.
  const nameTop = top + pad + 2;
  let logoWidth = 0;
  let logoBottom = nameTop;
  if (logo) {
    const logoHeight = Math.min(mm(7 * scale), (textWidth * 0.4) / logo.ratio);
    logoWidth = logoHeight * logo.ratio;
    doc.image(logo.dataUri, textX, nameTop, { width: logoWidth, height: logoHeight });
    logoBottom = nameTop + logoHeight;
  }
  const nameX = logo ? textX + logoWidth + mm(1.5) : textX;
  doc
    .fillColor('black')
    .font('Helvetica-Bold')
    .fontSize(8 * scale)
    .text(`${municipalityName} kommune`, nameX, nameTop, {
      width: textWidth - (nameX - textX),
      lineBreak: true,
    });
  const instructionTop = Math.max(doc.y, logoBottom) + 0.3 * 6.5 * scale;
  doc.font('Helvetica').fontSize(6.5 * scale);
  doc.text(instruction.nb, textX, instructionTop, { width: textWidth });
  doc.moveDown(0.2).font('Helvetica-Oblique');
  doc.text(instruction.nn, { width: textWidth });
  doc.restore();
  // The id is what a crew reads out on the phone: one line, shrunk to fit a long register id, and
  // clipped to the label so even a 100-character id never prints onto the next sticker.
  doc.font('Helvetica-Bold').fontSize(idSize);
  const fitted = Math.max(4, Math.min(idSize, (idSize * textWidth) / doc.widthOfString(sticker.externalId)));
  doc.save();
  doc.rect(textX, bottom - idSize * 1.3, textWidth, idSize * 1.3).clip();
  doc.fontSize(fitted).text(sticker.externalId, textX, bottom - fitted * 1.2, { lineBreak: false });
  doc.restore();
}

/**
 * The PDF as a stream; the caller pipes it to a reply or a file. Drawing 2,000 stickers takes a
 * few seconds of CPU, so it yields to the event loop after each page: other requests to the same
 * process wait for one page (tens of milliseconds), not for the whole run.
 */
export async function renderStickerSheet(input: StickerSheetInput): Promise<PDFKit.PDFDocument> {
  const { PDFDocument, QRCode } = await loadPdfLibraries();
  const doc = new PDFDocument({
    size: [mm(A4.width), mm(A4.height)],
    margin: 0,
    autoFirstPage: false,
    info: { Title: `QR-klistremerker, ${input.municipalityName} kommune`, Producer: 'Meldepunkt' },
  });
  drawPages(QRCode, doc, input).catch((error: unknown) => {
    doc.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return doc;
}

async function drawPages(
  QRCode: PdfLibraries['QRCode'],
  doc: PDFKit.PDFDocument,
  input: StickerSheetInput,
): Promise<void> {
  let page = -1;
  for (const [index, sticker] of input.stickers.entries()) {
    const position = labelPosition(input.layout, index);
    if (position.page !== page) {
      if (page >= 0) await new Promise((resolve) => setImmediate(resolve));
      doc.addPage({ size: [mm(A4.width), mm(A4.height)], margin: 0 });
      page = position.page;
    }
    drawSticker(
      QRCode,
      doc,
      input.layout,
      input.municipalityName,
      input.logo ?? null,
      sticker,
      mm(position.x),
      mm(position.y),
    );
  }
  if (page < 0) doc.addPage();
  doc.end();
}
