/**
 * A QR code as SVG. Error correction M survives a sticker that is a bit dirty or scratched while
 * keeping the modules large enough to scan from a step away; a two-module quiet zone is enough
 * because stickers are printed with a white border of their own.
 */
export async function qrCodeSvg(url: string): Promise<string> {
  // Loaded with the first sticker, not with every process.
  const { toString: renderQrCode } = await import('qrcode');
  return renderQrCode(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
