import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkSync } from 'recheck';
import { parseAst } from 'rolldown/parseAst';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name === 'node_modules' || d.name === 'dist'
        ? []
        : files(path.join(dir, d.name))
      : /\.(ts|tsx|js|mjs)$/.test(d.name)
        ? [path.join(dir, d.name)]
        : [],
  );
}
const found = [];
for (const f of [...files('src'), ...files('admin/src')]) {
  const src = readFileSync(f, 'utf8');
  const lang = f.endsWith('.tsx') ? 'tsx' : f.endsWith('.ts') ? 'ts' : 'js';
  const ast = parseAst(src, { lang }, f);
  (function walk(n) {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      n.forEach(walk);
      return;
    }
    if (n.type === 'Literal' && n.regex) found.push({ f, p: n.regex.pattern, fl: n.regex.flags });
    if (
      (n.type === 'NewExpression' || n.type === 'CallExpression') &&
      n.callee?.type === 'Identifier' &&
      n.callee.name === 'RegExp'
    )
      found.push({ f, dyn: src.slice(n.start, n.end) });
    for (const k of Object.keys(n)) walk(n[k]);
  })(ast);
}
console.log('total', found.length);
const t0 = Date.now();
for (const r of found) {
  if (r.dyn) {
    console.log('DYN', r.f, r.dyn);
    continue;
  }
  const res = checkSync(r.p, r.fl, { timeout: 10000 });
  if (res.status !== 'safe')
    console.log(
      res.status,
      r.f,
      `/${r.p}/${r.fl}`,
      res.complexity?.type ?? '',
      res.attack?.pattern ?? res.error?.kind ?? '',
    );
}
console.log('ms', Date.now() - t0);
