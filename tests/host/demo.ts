/**
 * `npm run demo`: a fresh demo workbench with synthetic data, opened in the browser preview.
 * The demo passphrase is printed; the data is entirely synthetic.
 *
 * `--check` (run by `npm run demo` before the build) only checks the folder: a folder that is
 * not empty and not one the demo made is refused with one sentence and exit 1, untouched.
 */
import os from 'node:os';
import path from 'node:path';
import { demoFolderProblem, prepareDemoFolder } from './demo-folder';

const PASSPHRASE = 'copper meadow violin quietly 42';
const dataDir = path.resolve(process.env.CASEWALK_DATA_DIR ?? path.join(os.homedir(), '.casewalk-demo'));
const incidents = Number(process.env.DEMO_INCIDENTS ?? 5000);

const problem = demoFolderProblem(dataDir);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
if (process.argv.includes('--check')) process.exit(0);

prepareDemoFolder(dataDir);
// Loaded only after the check, so a refused folder costs nothing.
const { Core } = await import('../../src/main/core/core');
const { dispatch } = await import('../../src/main/core/dispatch');
const { seed } = await import('../../src/main/core/seed/seed');
const { startTestHost } = await import('./server');
const core = new Core({ dataDir });
const r = await dispatch(core, 'workbench.create', {
  committee: 'Demo County CIT Case Review',
  keyholder: 'Demo Coordinator',
  passphrase: PASSPHRASE,
});
if (!r.ok) throw new Error(r.error.message);
await dispatch(core, 'workbench.confirmRecoveryKey', {});
const counts = seed(core.workbench, { incidents, years: 3, seed: 1 });
core.close();
const host = await startTestHost({ dataDir, port: Number(process.env.PORT ?? 5718) });
process.stdout.write(
  `Casewalk demo (synthetic data: ${counts.incidents} incidents, ${counts.meetings} meetings).\nPassphrase: ${PASSPHRASE}\nSaved files (exports, backups) and files you choose go to: ${host.filesDir}\nOpen: ${host.url}\n`,
);
