import { describe, expect, it } from 'vitest';
import { renderReplyTemplate } from './render-reply-template.ts';

describe('renderReplyTemplate', () => {
  const values = {
    ref: '4001-2026-00012',
    category: 'Vannlekkasje',
    address: 'Storgata 1',
    status: 'Under behandling',
    municipality: 'Porsgrunn',
  };

  it('fills every known placeholder, as often as it appears', () => {
    expect(
      renderReplyTemplate('{municipality}: {ref} ({category}) i {address} er {status}. Ref {ref}.', values),
    ).toBe(
      'Porsgrunn: 4001-2026-00012 (Vannlekkasje) i Storgata 1 er Under behandling. Ref 4001-2026-00012.',
    );
  });

  it('leaves unknown placeholders and lone braces as written', () => {
    expect(renderReplyTemplate('Hei {navn}, {ref} {', values)).toBe('Hei {navn}, 4001-2026-00012 {');
    expect(renderReplyTemplate('{constructor} {__proto__} {toString}', values)).toBe(
      '{constructor} {__proto__} {toString}',
    );
  });

  it('never expands a placeholder inside a filled-in value', () => {
    expect(renderReplyTemplate('Sted: {address}', { ...values, address: 'Gata {ref} {status}' })).toBe(
      'Sted: Gata {ref} {status}',
    );
  });

  it('leaves a placeholder whose value is missing', () => {
    expect(renderReplyTemplate('{ref} {address}', { ref: 'X' })).toBe('X {address}');
  });
});
