/**
 * `npm run demo`: a fresh demo workbench with synthetic data, opened in the browser preview.
 * The demo passphrase is printed; the data is entirely synthetic.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../src/main/core/core';
import { dispatch } from '../../src/main/core/dispatch';
import { seed } from '../../src/main/core/seed/seed';
import { startTestHost } from './server';

const PASSPHRASE = 'copper meadow violin quietly 42';
const dataDir = process.env.CASEWALK_DATA_DIR ?? path.join(os.homedir(), '.casewalk-demo');
const incidents = Number(process.env.DEMO_INCIDENTS ?? 5000);

fs.rmSync(dataDir, { recursive: true, force: true });
const core = new Core({ dataDir });
const r = await dispatch(core, 'workbench.create', { committee: 'Demo County CIT Case Review', keyholder: 'Demo Coordinator', passphrase: PASSPHRASE });
if (!r.ok) throw new Error(r.error.message);
await dispatch(core, 'workbench.confirmRecoveryKey', {});
const counts = seed(core.workbench, { incidents, years: 3, seed: 1 });
core.close();
const host = await startTestHost({ dataDir, port: Number(process.env.PORT ?? 5718) });
process.stdout.write(
  `Casewalk demo (synthetic data: ${counts.incidents} incidents, ${counts.meetings} meetings).\nPassphrase: ${PASSPHRASE}\nOpen: ${host.url}\n`,
);
