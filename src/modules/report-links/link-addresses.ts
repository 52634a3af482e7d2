// The two addresses a report link has: the one printed in its QR code, and the report form it
// leads to. Codes are URL-safe by the table's check constraint; encoding them anyway costs
// nothing and keeps a bad row from breaking the URL.

/** The absolute URL a sticker's QR code holds. Stickers outlive deployments: PUBLIC_URL must stay. */
export function reportLinkUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/q/${encodeURIComponent(code)}`;
}

/** The report form, told which link the resident came from. Relative, so it stays on this host. */
export function reportFormPath(municipalitySlug: string, code: string): string {
  return `/${municipalitySlug}/meld?link=${encodeURIComponent(code)}`;
}
