// `npm run bench`: every benchmark, one after the other, each in its own process so one's memory
// does not colour the next; all run even when one fails, and the exit code says whether any did.
// Each merges its keys into bench/results/latest.json.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PARTS = ['bench/run.ts', 'bench/inbox.ts', 'bench/notifications.ts', 'bench/notice-fanout.ts'];

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const started = performance.now();
const failed: string[] = [];
for (const script of PARTS) {
  console.log(`\n━━ ${script} ━━`);
  if ((await run(script)) !== 0) failed.push(script);
}
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
if (failed.length > 0) {
  console.error(`\nbench: finished in ${minutes} min; these reported problems: ${failed.join(', ')}`);
  process.exitCode = 1;
} else {
  console.log(`\nbench: all parts finished in ${minutes} min; see bench/results/latest.json`);
}
