// Node 22 spends a second or more of every start re-reading drizzle-orm's package.json: for each
// of drizzle's ~440 modules it parses the 180 KB "exports" map again only to learn the package's
// "type". Relative imports inside drizzle-orm's own .js files need none of that (an ES module's
// relative specifier is a plain URL join, and the package is "type": "module"), so this resolve
// hook answers them directly and leaves every other import to Node. Installed by preload.ts.
import { registerHooks } from 'node:module';

const DRIZZLE = '/node_modules/drizzle-orm/';

export function registerFastResolve(): void {
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const parent = context.parentURL;
      if (
        parent?.startsWith('file:') &&
        parent.includes(DRIZZLE) &&
        (specifier.startsWith('./') || specifier.startsWith('../')) &&
        specifier.endsWith('.js') &&
        // CommonJS requires (drizzle's .cjs files) keep Node's own resolution.
        context.conditions.includes('import')
      ) {
        const url = new URL(specifier, parent);
        if (url.pathname.includes(DRIZZLE)) return { url: url.href, format: 'module', shortCircuit: true };
      }
      return nextResolve(specifier, context);
    },
  });
}
