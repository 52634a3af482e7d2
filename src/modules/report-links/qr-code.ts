import { toString as renderQrCode } from 'qrcode';

/**
 * A QR code as SVG. Error correction M survives a sticker that is a bit dirty or scratched while
 * keeping the modules large enough to scan from a step away; a two-module quiet zone is enough
 * because stickers are printed with a white border of their own.
 */
export function qrCodeSvg(url: string): Promise<string> {
  return renderQrCode(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
