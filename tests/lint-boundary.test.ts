import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '..', file) });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('electron import boundary (lint)', () => {
  const forms = [
    "import { app } from 'electron';\nexport const a = app;\n",
    "import { ipcRenderer } from 'electron/renderer';\nexport const a = ipcRenderer;\n",
    "export const a = await import('electron');\n",
    "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const a = require('electron');\n",
  ];
  it.each(['src/main/core/x.ts', 'src/shared/x.ts', 'src/main/cli/x.ts', 'src/renderer/src/x.ts', 'tests/host/x.ts'])(
    'fails in %s for static, subpath, dynamic and require forms',
    async (file) => {
      for (const code of forms) expect(await boundaryErrors(file, code)).not.toEqual([]);
    },
  );
  it('allows electron in the shell and the preload', async () => {
    expect(await boundaryErrors('src/main/shell/x.ts', forms[0]!)).toEqual([]);
    expect(await boundaryErrors('src/preload/x.ts', forms[0]!)).toEqual([]);
  });
  it('forbids @electron/remote everywhere outside the shell too', async () => {
    expect(await boundaryErrors('src/main/core/x.ts', "import r from '@electron/remote';\nexport const a = r;\n")).not.toEqual([]);
  });
  it('ignores look-alike names', async () => {
    expect(await boundaryErrors('src/main/core/x.ts', "import v from 'electron-vite';\nexport const a = v;\n")).toEqual([]);
  });
});
