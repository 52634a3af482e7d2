import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../../shared/errors.ts';
import {
  type AnswerCheck,
  checkAnswers,
  MAX_TEXT_ANSWER_LENGTH,
  QUESTION_TYPES,
  type Question,
  type QuestionOption,
} from './questions.ts';

const depth: Question = {
  code: 'dybde',
  type: 'number',
  required: true,
  label: {
    nb: 'Hvor dypt er vannet (cm)?',
    nn: 'Kor djupt er vatnet (cm)?',
    en: 'How deep is the water (cm)?',
  },
  min: 0,
  max: 500,
};
const ranTap: Question = {
  code: 'rent-kaldt',
  type: 'boolean',
  required: false,
  label: { nb: 'Har du latt vannet renne?', nn: 'Har du late vatnet renne?', en: 'Have you run the tap?' },
};
const comment: Question = {
  code: 'kommentar',
  type: 'text',
  required: false,
  label: { nb: 'Kommentar', nn: 'Merknad', en: 'Comment' },
};
const cover: Question = {
  code: 'lokk',
  type: 'single',
  required: true,
  label: { nb: 'Hvordan er lokket?', nn: 'Korleis er lokket?', en: 'How is the cover?' },
  options: [
    { code: 'skjevt', label: { nb: 'Ligger skjevt' } },
    { code: 'mangler', label: { nb: 'Mangler' }, acute: true },
  ],
};
const smells: Question = {
  code: 'lukt',
  type: 'multiple',
  required: false,
  label: { nb: 'Hva lukter det?', nn: 'Kva luktar det?', en: 'What does it smell of?' },
  options: [
    { code: 'kloakk', label: { nb: 'Kloakk' } },
    { code: 'klor', label: { nb: 'Klor' } },
    { code: 'gass', label: { nb: 'Gass' }, acute: true },
  ],
};

function errorFor(check: AnswerCheck, field: string): ErrorDetail {
  const error = check.errors.find((e) => e.field === field);
  if (!error) throw new Error(`Expected an error for ${field}, got ${JSON.stringify(check.errors)}`);
  return error;
}

describe('checkAnswers: presence', () => {
  it('accepts a complete set of answers', () => {
    const check = checkAnswers([depth, cover], { dybde: 12, lokk: 'skjevt' });
    expect(check).toEqual({ answers: { dybde: 12, lokk: 'skjevt' }, errors: [], acute: false });
  });

  it('reports each required question that is missing', () => {
    const check = checkAnswers([depth, ranTap, cover], {});
    expect(check.errors.map((e) => [e.field, e.code])).toEqual([
      ['answers.dybde', 'required'],
      ['answers.lokk', 'required'],
    ]);
    expect(check.answers).toEqual({});
  });

  it('treats undefined and null input as no answers', () => {
    expect(checkAnswers([ranTap], undefined)).toEqual({ answers: {}, errors: [], acute: false });
    expect(checkAnswers([ranTap], null)).toEqual({ answers: {}, errors: [], acute: false });
    expect(errorFor(checkAnswers([depth], undefined), 'answers.dybde').code).toBe('required');
  });

  it.each([[''], ['   '], [null], [[]]])('counts %j as a missing answer', (blank) => {
    const required = checkAnswers([depth], { dybde: blank });
    expect(required.errors).toMatchObject([{ field: 'answers.dybde', code: 'required' }]);
    const optional = checkAnswers([comment], { kommentar: blank });
    expect(optional).toEqual({ answers: {}, errors: [], acute: false });
  });

  it('rejects answers to questions the category does not ask', () => {
    const check = checkAnswers([ranTap], { 'rent-kaldt': 'ja', farge: 'brun' });
    expect(check.errors).toMatchObject([{ field: 'answers.farge', code: 'unknown_question' }]);
    expect(check.errors[0]?.message.en).toContain('farge');
    expect(check.answers).toEqual({ 'rent-kaldt': true });
  });

  it.each([
    ['an array', ['ja']],
    ['a string', 'ja'],
    ['a number', 42],
    ['false', false],
  ])('rejects answers given as %s', (_what, input) => {
    const check = checkAnswers([depth, ranTap], input);
    expect(check.errors).toHaveLength(1);
    expect(check.errors[0]).toMatchObject({ field: 'answers', code: 'invalid_answers' });
    expect(check.errors[0]?.message.nb).toBeTruthy();
    expect(check.errors[0]?.message.nn).toBeTruthy();
    expect(check.errors[0]?.message.en).toMatch(/object/);
    expect(check.answers).toEqual({});
  });

  it('does not mistake inherited object properties for answers', () => {
    const inherited: Question = { ...comment, code: 'constructor' };
    const check = checkAnswers([inherited, { ...ranTap, code: 'toString' }], {});
    expect(check).toEqual({ answers: {}, errors: [], acute: false });
    expect(checkAnswers([inherited], { constructor: 'hei' }).answers).toEqual({ constructor: 'hei' });
  });

  it('stores an answer to a question coded "__proto__" instead of replacing the prototype', () => {
    const proto: Question = { ...comment, code: '__proto__', required: true };
    const check = checkAnswers([proto], JSON.parse('{"__proto__":"hei"}'));
    expect(check.errors).toEqual([]);
    expect(Object.hasOwn(check.answers, '__proto__')).toBe(true);
    expect(JSON.stringify(check.answers)).toBe('{"__proto__":"hei"}');
  });
});

describe('checkAnswers: numbers', () => {
  it.each([
    ['12,5', 12.5],
    ['3', 3],
    [' 42 ', 42],
    ['0.25', 0.25],
    [7, 7],
    [0, 0],
  ])('turns %j into %j', (raw, expected) => {
    const check = checkAnswers([depth], { dybde: raw });
    expect(check.errors).toEqual([]);
    expect(check.answers.dybde).toBe(expected);
  });

  it.each([
    ['tolv'],
    ['12cm'],
    ['1e3'],
    ['1,2,3'],
    [true],
    [['3']],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
  ])('rejects %j as not a number', (raw) => {
    const check = checkAnswers([depth], { dybde: raw });
    expect(check.errors).toMatchObject([{ field: 'answers.dybde', code: 'invalid_type' }]);
    expect(check.answers).toEqual({});
  });

  it('rejects a digit string too long to be a finite number instead of storing Infinity', () => {
    const unbounded: Question = { ...depth, min: undefined, max: undefined };
    const check = checkAnswers([unbounded], { dybde: '9'.repeat(400) });
    expect(check.errors).toMatchObject([{ field: 'answers.dybde', code: 'invalid_type' }]);
    expect(check.answers).toEqual({});
  });

  it('enforces min and max, inclusive', () => {
    expect(checkAnswers([depth], { dybde: 0 }).answers).toEqual({ dybde: 0 });
    expect(checkAnswers([depth], { dybde: '500' }).answers).toEqual({ dybde: 500 });
    const below = checkAnswers([depth], { dybde: '-1' });
    expect(below.errors).toMatchObject([{ field: 'answers.dybde', code: 'out_of_range' }]);
    expect(below.errors[0]?.message.en).toContain('between 0 and 500');
    const above = checkAnswers([depth], { dybde: 500.5 });
    expect(above.errors).toMatchObject([{ field: 'answers.dybde', code: 'out_of_range' }]);
    expect(above.answers).toEqual({});
  });

  it('enforces a bound that is given alone', () => {
    const atLeastOne: Question = { ...depth, min: 1, max: undefined };
    expect(checkAnswers([atLeastOne], { dybde: 1_000_000 }).errors).toEqual([]);
    expect(checkAnswers([atLeastOne], { dybde: 0 }).errors).toMatchObject([{ code: 'out_of_range' }]);
  });
});

describe('checkAnswers: yes/no', () => {
  it.each([
    ['ja', true],
    ['Ja', true],
    ['true', true],
    [true, true],
    ['yes', true],
    ['1', true],
    ['nei', false],
    [' NEI ', false],
    ['false', false],
    [false, false],
    ['0', false],
  ])('turns %j into %j', (raw, expected) => {
    const check = checkAnswers([ranTap], { 'rent-kaldt': raw });
    expect(check.errors).toEqual([]);
    expect(check.answers['rent-kaldt']).toBe(expected);
  });

  it.each([['kanskje'], [1], [['ja']]])('rejects %j', (raw) => {
    expect(checkAnswers([ranTap], { 'rent-kaldt': raw }).errors).toMatchObject([
      { field: 'answers.rent-kaldt', code: 'invalid_type' },
    ]);
  });
});

describe('checkAnswers: text', () => {
  it('stores text trimmed', () => {
    expect(checkAnswers([comment], { kommentar: '  lekker i kjelleren  ' }).answers).toEqual({
      kommentar: 'lekker i kjelleren',
    });
  });

  it('accepts text up to the limit and rejects text over it', () => {
    const max = 'a'.repeat(MAX_TEXT_ANSWER_LENGTH);
    expect(checkAnswers([comment], { kommentar: max }).answers.kommentar).toBe(max);
    const check = checkAnswers([comment], { kommentar: `${max}a` });
    expect(check.errors).toMatchObject([{ field: 'answers.kommentar', code: 'too_long' }]);
    expect(check.errors[0]?.message.en).toContain(String(MAX_TEXT_ANSWER_LENGTH));
    expect(check.answers).toEqual({});
  });

  it('rejects text given as another type', () => {
    expect(checkAnswers([comment], { kommentar: 12 }).errors).toMatchObject([
      { field: 'answers.kommentar', code: 'invalid_type' },
    ]);
  });
});

describe('checkAnswers: choices', () => {
  it('accepts a listed option for single choice', () => {
    expect(checkAnswers([cover], { lokk: 'skjevt' })).toEqual({
      answers: { lokk: 'skjevt' },
      errors: [],
      acute: false,
    });
  });

  it.each([['borte'], [['skjevt']], [1]])('rejects %j for single choice', (raw) => {
    const check = checkAnswers([cover], { lokk: raw });
    expect(check.errors).toMatchObject([{ field: 'answers.lokk', code: 'invalid_choice' }]);
    expect(check.answers).toEqual({});
  });

  it('marks the report acute when a single-choice option is acute', () => {
    expect(checkAnswers([cover], { lokk: 'mangler' }).acute).toBe(true);
  });

  it('accepts an array for multiple choice', () => {
    expect(checkAnswers([smells], { lukt: ['kloakk', 'klor'] })).toEqual({
      answers: { lukt: ['kloakk', 'klor'] },
      errors: [],
      acute: false,
    });
  });

  it('accepts a single string for multiple choice (HTML forms send one value that way)', () => {
    expect(checkAnswers([smells], { lukt: 'klor' }).answers).toEqual({ lukt: ['klor'] });
  });

  it('collapses duplicate choices', () => {
    expect(checkAnswers([smells], { lukt: ['klor', 'kloakk', 'klor'] }).answers).toEqual({
      lukt: ['klor', 'kloakk'],
    });
  });

  it.each([[['klor', 'roser']], ['roser'], [[1]], [{ klor: true }]])(
    'rejects %j for multiple choice',
    (raw) => {
      const check = checkAnswers([smells], { lukt: raw });
      expect(check.errors).toMatchObject([{ field: 'answers.lukt', code: 'invalid_choice' }]);
      expect(check.answers).toEqual({});
      expect(check.acute).toBe(false);
    },
  );

  it('marks the report acute when any chosen multiple-choice option is acute', () => {
    expect(checkAnswers([smells], { lukt: ['kloakk', 'gass'] }).acute).toBe(true);
    expect(checkAnswers([smells], { lukt: 'gass' }).acute).toBe(true);
  });

  it('does not mark the report acute when the acute option comes with an invalid one', () => {
    expect(checkAnswers([smells], { lukt: ['gass', 'roser'] }).acute).toBe(false);
  });
});

describe('checkAnswers: messages', () => {
  it.each([
    ['required', [depth], {}, 'answers.dybde'],
    ['invalid_type', [depth], { dybde: 'mye' }, 'answers.dybde'],
    ['out_of_range', [depth], { dybde: 900 }, 'answers.dybde'],
    ['invalid_type', [ranTap], { 'rent-kaldt': 'kanskje' }, 'answers.rent-kaldt'],
    ['invalid_type', [comment], { kommentar: 3 }, 'answers.kommentar'],
    ['too_long', [comment], { kommentar: 'x'.repeat(MAX_TEXT_ANSWER_LENGTH + 1) }, 'answers.kommentar'],
    ['invalid_choice', [cover], { lokk: 'borte' }, 'answers.lokk'],
    ['invalid_choice', [smells], { lukt: ['roser'] }, 'answers.lukt'],
  ] as const)('%s for %s names the question in nb, nn and en', (code, questions, input, field) => {
    const question = questions[0];
    const error = errorFor(checkAnswers(questions, input), field);
    expect(error.code).toBe(code);
    expect(error.message.nb).toContain(question.label.nb);
    expect(error.message.nn).toContain(question.label.nn);
    expect(error.message.en).toContain(question.label.en);
    expect(new Set([error.message.nb, error.message.nn, error.message.en]).size).toBeGreaterThan(1);
  });

  it('falls back to the bokmål label when a translation is missing', () => {
    const bare: Question = { ...depth, label: { nb: 'Dybde' } };
    const error = errorFor(checkAnswers([bare], {}), 'answers.dybde');
    expect(error.message.nn).toContain('Dybde');
    expect(error.message.en).toContain('Dybde');
  });
});

// Property: whatever a client sends, checkAnswers answers with data and errors, never a throw,
// and what it keeps has the type its question promises.

const text = fc.string({ minLength: 1, maxLength: 8 });
// Names inherited from Object.prototype are included on purpose: a question code is free text.
const code = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
  fc.constantFrom('constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'),
);
const label = fc.record({
  nb: text,
  nn: fc.option(text, { nil: undefined }),
  en: fc.option(text, { nil: undefined }),
});
const option: fc.Arbitrary<QuestionOption> = fc.record(
  { code: fc.stringMatching(/^[a-z]{1,4}$/), label, acute: fc.boolean() },
  { requiredKeys: ['code', 'label'] },
);
const question: fc.Arbitrary<Question> = fc.record(
  {
    code,
    type: fc.constantFrom(...QUESTION_TYPES),
    required: fc.boolean(),
    label,
    options: fc.uniqueArray(option, { selector: (o) => o.code, maxLength: 4 }),
    min: fc.integer({ min: -100, max: 100 }),
    max: fc.integer({ min: -100, max: 200 }),
  },
  { requiredKeys: ['code', 'type', 'required', 'label'] },
);
const questions = fc.uniqueArray(question, { selector: (q) => q.code, maxLength: 6 });

/** Any value a client might send, right or wrong. */
const anyValue = fc.oneof(
  fc.constantFrom('ja', 'nei', 'true', 'yes', '0', '1', '', '  ', '12,5', '-3', '9'.repeat(400), true, false),
  fc.stringMatching(/^[a-z]{1,4}$/),
  fc.array(fc.stringMatching(/^[a-z]{1,4}$/), { maxLength: 4 }),
  fc.double(),
  fc.integer({ min: -200, max: 300 }),
  fc.string({ maxLength: MAX_TEXT_ANSWER_LENGTH + 5 }),
  fc.jsonValue(),
);

/** Values aimed at the question's own type, so every conversion path is exercised often. */
function valueFor(q: Question): fc.Arbitrary<unknown> {
  const options = (q.options ?? []).map((o) => o.code);
  const option = options.length > 0 ? fc.oneof(fc.constantFrom(...options), fc.string()) : fc.string();
  switch (q.type) {
    case 'text':
      return fc.string({ maxLength: MAX_TEXT_ANSWER_LENGTH + 5 });
    case 'number': {
      const n = fc.oneof(
        fc.integer({ min: -150, max: 250 }),
        fc.double({ min: -150, max: 250, noNaN: true }),
      );
      return fc.oneof(
        n,
        n.map((x) => String(x)),
        n.map((x) => String(x).replace('.', ',')),
        fc.constant('9'.repeat(400)),
      );
    }
    case 'boolean':
      return fc.constantFrom(
        'ja',
        'nei',
        'Ja',
        ' true ',
        'false',
        'yes',
        'no',
        '1',
        '0',
        true,
        false,
        'kanskje',
        1,
      );
    case 'single':
      return option;
    case 'multiple':
      return fc.oneof(option, fc.array(option, { maxLength: 5 }));
  }
}

function inputFor(qs: Question[]): fc.Arbitrary<unknown> {
  const perQuestion = fc.record(
    Object.fromEntries(qs.map((q) => [q.code, fc.oneof(valueFor(q), anyValue)])),
    { requiredKeys: [] },
  );
  const extra = fc.dictionary(fc.string({ maxLength: 4 }), anyValue, { maxKeys: 2 });
  const keyed = fc
    .tuple(perQuestion, fc.option(extra, { nil: undefined }))
    .map(([answers, unknown]) => ({ ...unknown, ...answers }));
  return fc.oneof(
    { arbitrary: keyed, weight: 6 },
    { arbitrary: fc.jsonValue(), weight: 1 },
    { arbitrary: fc.anything(), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

function assertAnswerFits(q: Question, value: unknown): void {
  const options = (q.options ?? []).map((o) => o.code);
  switch (q.type) {
    case 'text':
      expect(typeof value).toBe('string');
      expect((value as string).length).toBeGreaterThan(0);
      expect((value as string).length).toBeLessThanOrEqual(MAX_TEXT_ANSWER_LENGTH);
      break;
    case 'number':
      expect(typeof value).toBe('number');
      expect(Number.isFinite(value)).toBe(true);
      if (q.min !== undefined) expect(value).toBeGreaterThanOrEqual(q.min);
      if (q.max !== undefined) expect(value).toBeLessThanOrEqual(q.max);
      break;
    case 'boolean':
      expect(typeof value).toBe('boolean');
      break;
    case 'single':
      expect(options).toContain(value);
      break;
    case 'multiple': {
      expect(Array.isArray(value)).toBe(true);
      const chosen = value as unknown[];
      expect(chosen.length).toBeGreaterThan(0);
      expect(new Set(chosen).size).toBe(chosen.length);
      for (const c of chosen) expect(options).toContain(c);
      break;
    }
  }
}

describe('checkAnswers: properties', () => {
  it('never throws, keeps errors under answers, and stores only well-typed answers', () => {
    fc.assert(
      fc.property(
        questions.chain((qs) => fc.tuple(fc.constant(qs), inputFor(qs))),
        ([qs, input]) => {
          const check = checkAnswers(qs, input);
          for (const error of check.errors) {
            expect(error.field === 'answers' || error.field.startsWith('answers.')).toBe(true);
            expect(error.message.nb && error.message.nn && error.message.en).toBeTruthy();
          }
          const byCode = new Map(qs.map((q) => [q.code, q]));
          for (const [answered, value] of Object.entries(check.answers)) {
            const q = byCode.get(answered);
            expect(q).toBeDefined();
            if (q) assertAnswerFits(q, value);
          }
          // Every required question is either answered or has an error of its own.
          const failed = new Set(check.errors.map((e) => e.field));
          for (const q of qs) {
            if (q.required && !failed.has('answers')) {
              expect(Object.hasOwn(check.answers, q.code) || failed.has(`answers.${q.code}`)).toBe(true);
            }
          }
          if (check.acute) {
            const acuteCodes = new Set(
              qs.flatMap((q) => (q.options ?? []).filter((o) => o.acute).map((o) => `${q.code}:${o.code}`)),
            );
            const chosen = Object.entries(check.answers).flatMap(([c, v]) =>
              (Array.isArray(v) ? v : [v]).map((x) => `${c}:${String(x)}`),
            );
            expect(chosen.some((c) => acuteCodes.has(c))).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
