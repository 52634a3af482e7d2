// Request and response schemas of the QR entry points, for validation and the OpenAPI document.
import { Type } from 'typebox';

// No pattern on the code: a malformed one is a sticker that is not ours, and gets the same "not in
// use" 404 as an unknown one rather than a validation error a resident cannot act on. Only a
// length no sticker has (over 200) is refused before the lookup.
export const ReportLinkParams = Type.Object({
  code: Type.String({
    maxLength: 200,
    description: 'The short code printed under the QR code: 3–40 letters, digits, `-` or `_`',
    examples: ['pg-bh0417'],
  }),
});

export const RedirectToForm = Type.Null({
  description: "Redirect to the municipality's report form, `/{slug}/meld?link={code}`",
  headers: {
    location: Type.String({ description: 'The report form, with the place and asset filled in' }),
  },
});

export const QrCodeSvg = {
  description: 'The QR code as SVG, holding the absolute address `{PUBLIC_URL}/q/{code}`',
  content: { 'image/svg+xml': { schema: Type.String() } },
};
