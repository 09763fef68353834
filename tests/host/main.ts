/** `npm run dev:web`: the app in a browser, against a real workbench folder. */
import os from 'node:os';
import path from 'node:path';
import { startTestHost } from './server';

const dataDir = process.env.CASEWALK_DATA_DIR ?? path.join(os.homedir(), '.casewalk-web');
const port = Number(process.env.PORT ?? 5718);
startTestHost({ dataDir, port })
  .then((h) => {
    process.stdout.write(
      `Casewalk (browser preview) on loopback only.\nData folder: ${dataDir}\nSaved files (exports, backups) and files you choose go to: ${h.filesDir}\nOpen: ${h.url}\n`,
    );
  })
  .catch((e: unknown) => {
    process.stderr.write(`casewalk dev:web: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
