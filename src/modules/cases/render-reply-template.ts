// Fills a reply template's placeholders ({ref}, {category}, {address}, {status}, {municipality}).
// One pass over the template: a filled-in value is never read again, so an address that happens
// to contain "{ref}" stays as written. Unknown placeholders are left for the case handler to see.

export const REPLY_PLACEHOLDERS = ['ref', 'category', 'address', 'status', 'municipality'] as const;
export type ReplyPlaceholder = (typeof REPLY_PLACEHOLDERS)[number];

export type ReplyValues = Record<ReplyPlaceholder, string>;

export function renderReplyTemplate(template: string, values: Partial<ReplyValues>): string {
  return template.replace(/\{([a-z_]+)\}/g, (placeholder, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name as ReplyPlaceholder] : undefined;
    return value ?? placeholder;
  });
}
