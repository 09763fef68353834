/** Test helpers: a Core with a freshly created, unlocked workbench in a temp folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from './core';
import { dispatch, typedCaller, type TypedCall } from './dispatch';

export const TEST_PASSPHRASE = 'harbour lantern quietly 42';

export async function unlockedCore(prefix = 'cw-t-'): Promise<{ core: Core; call: TypedCall; dataDir: string; cleanup(): void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const core = new Core({ dataDir });
  const r = await dispatch(core, 'workbench.create', { committee: 'Riverside CIT', keyholder: 'Dana', passphrase: TEST_PASSPHRASE });
  if (!r.ok) throw new Error(r.error.message);
  return {
    core,
    call: typedCaller(core),
    dataDir,
    cleanup() {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
