// Finds every regular expression in the source: regex literals, `new RegExp(…)`/`RegExp(…)` calls,
// and `pattern: '…'` strings (JSON-schema patterns, which Ajv runs on request input with the `u`
// flag). Parsed with oxc (rolldown's parser, which Vite already brings), so a `/` that divides is
// never mistaken for a regex.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAst } from 'rolldown/parseAst';

export interface FoundRegex {
  file: string;
  line: number;
  /** Undefined when the pattern is not a constant (a `new RegExp(variable)`). */
  source: string | undefined;
  flags: string;
  /** How it was written, for the failure message. */
  text: string;
}

const SOURCE_FILE = /\.(ts|tsx|js|mjs)$/;

export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(root, relative);
    return SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : [];
  });
}

interface Node {
  type?: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

/** A string the code spells out in full: a string literal or a template without `${}`. */
function constantString(node: unknown): string | undefined {
  if (!isNode(node)) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && Array.isArray(node.expressions) && node.expressions.length === 0) {
    const [quasi] = node.quasis as { value: { cooked: string } }[];
    return quasi?.value.cooked;
  }
  return undefined;
}

export function regexesIn(root: string, file: string): FoundRegex[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const lang = file.endsWith('.tsx') ? 'tsx' : file.endsWith('.ts') ? 'ts' : 'js';
  const program = parseAst(text, { lang, sourceType: 'module' }, file);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const found: FoundRegex[] = [];
  const add = (node: Node, source: string | undefined, flags: string) =>
    found.push({ file, line: lineOf(node.start), source, flags, text: text.slice(node.start, node.end) });

  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isNode(value)) return;
    const regex = value.regex as { pattern: string; flags: string } | undefined;
    if (value.type === 'Literal' && regex) add(value, regex.pattern, regex.flags);
    const callee = value.callee as Node | undefined;
    if (
      (value.type === 'NewExpression' || value.type === 'CallExpression') &&
      callee?.type === 'Identifier' &&
      callee.name === 'RegExp'
    ) {
      const [pattern, flags] = value.arguments as unknown[];
      add(value, constantString(pattern), constantString(flags) ?? '');
    }
    const key = value.key as Node | undefined;
    if (value.type === 'Property' && key?.type === 'Identifier' && key.name === 'pattern') {
      const pattern = constantString(value.value);
      if (pattern !== undefined) add(value, pattern, 'u');
    }
    for (const [name, child] of Object.entries(value)) {
      if (name !== 'type' && name !== 'start' && name !== 'end') visit(child);
    }
  };
  visit(program);
  return found;
}
