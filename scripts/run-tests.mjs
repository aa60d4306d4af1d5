// Runs vitest across all packages, then prints the totals as one plain line (`N passed, N failed`)
// even when the run failed, so CI output always shows how many tests ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const reportPath = new URL('../reports/vitest.json', import.meta.url);
rmSync(reportPath, { force: true });
const run = spawnSync('vitest', ['run', ...process.argv.slice(2)], { stdio: 'inherit', shell: false });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  // A file that fails before any test runs (an import error) counts once; a failing test counts once,
  // not again for the file and describe block around it.
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
  failed = (report.numFailedTests ?? 0) + brokenFiles;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exitCode = run.status !== 0 || passed === 0 || failed > 0 ? 1 : 0;
