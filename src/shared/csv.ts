// Cells of the semicolon-separated files staff and residents open in a spreadsheet (the inbox
// export, the public statistics).

/**
 * One cell. Text that a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return before one) gets a leading apostrophe; quotes, `;` and line breaks are quoted.
 */
export function csvCell(value: string | number | null, options: { text?: boolean } = {}): string {
  if (value === null) return '';
  let text = String(value);
  if (options.text !== false && typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}
