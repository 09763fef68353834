/**
 * Issue 16, item 5: removing a keyholder rotates the live workbench's key only. Casewalk
 * records every backup and replaced copy it writes (path + SHA-256), lists them at removal,
 * and deletes only those still exactly as it wrote them.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { TEST_PASSPHRASE, unlockedCore } from '../test-support';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const SAM = 'meadow copper violin 77';
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function setup() {
  const t = await unlockedCore('cw-copies-');
  cleanups.push(t.cleanup);
  const backup = async (name: string) => {
    const file = path.join(t.dataDir, name);
    await t.call('backup.create', { handle: t.core.files.register(file, 'write') });
    return file;
  };
  return { ...t, backup };
}

describe('recorded copies (issue 16, item 5)', () => {
  it('records each backup with the SHA-256 of the file written, and a re-written path once', async () => {
    const { call, backup } = await setup();
    const b1 = await backup('one.cwbackup');
    const { copies } = await call('copies.list', {});
    expect(copies).toEqual([
      {
        id: expect.any(Number),
        kind: 'backup',
        name: 'one.cwbackup',
        folder: path.dirname(b1),
        bytes: fs.statSync(b1).size,
        sha256: sha(b1),
        createdAt: expect.any(String),
        state: 'unchanged',
      },
    ]);
    await backup('one.cwbackup');
    const again = (await call('copies.list', {})).copies;
    expect(again).toHaveLength(1);
    expect(again[0]!.sha256).toBe(sha(b1));
  });

  it('a restore records the files of the replaced copy and carries the copies recorded before it', async () => {
    const { call, core, dataDir, backup } = await setup();
    const b1 = await backup('one.cwbackup');
    const b2 = await backup('two.cwbackup');
    const r = await call('backup.restore', { handle: core.files.register(b1, 'read'), passphrase: TEST_PASSPHRASE });
    const replaced = path.join(dataDir, r.replacedCopy!);
    const copies = (await call('copies.list', {})).copies;
    const byName = new Map(copies.map((c) => [c.name, c]));
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining([
        'one.cwbackup',
        'two.cwbackup',
        path.basename(replaced),
        path.basename(replaced).replace(/\.db$/, '.keys.json'),
      ]),
    );
    for (const c of copies) expect(c.state, c.name).toBe('unchanged');
    expect(byName.get(path.basename(replaced))).toMatchObject({ kind: 'replaced', sha256: sha(replaced) });
    expect(byName.get('two.cwbackup')!.sha256).toBe(sha(b2));
  });

  it('removing a keyholder lists the older copies; deletion needs confirmation and deletes only files still as written', async () => {
    const { call, core, backup } = await setup();
    const sam = await call('keyholders.add', { name: 'Sam', passphrase: SAM });
    const kept = await backup('kept.cwbackup');
    const edited = await backup('edited.cwbackup');
    const gone = await backup('gone.cwbackup');
    const removed = await call('keyholders.remove', { id: sam.id });
    expect(removed.recoveryKey).toMatch(/\S/);
    expect(removed.oldCopies.map((c) => [c.name, c.state])).toEqual([
      ['kept.cwbackup', 'unchanged'],
      ['edited.cwbackup', 'unchanged'],
      ['gone.cwbackup', 'unchanged'],
    ]);
    // A fresh backup after the rotation is recorded too, but is not among the copies listed at removal.
    const fresh = await backup('fresh.cwbackup');
    fs.appendFileSync(edited, 'x');
    fs.rmSync(gone);
    const ids = removed.oldCopies.map((c) => c.id);
    expect(await dispatch(core, 'copies.delete', { ids })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(core, 'copies.delete', { ids, confirm: false })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(core, 'copies.delete', { ids: [987654], confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const d = await call('copies.delete', { ids, confirm: true });
    expect(d.deleted.map((c) => c.name)).toEqual(['kept.cwbackup']);
    expect(d.changed.map((c) => c.name)).toEqual(['edited.cwbackup']);
    expect(d.missing.map((c) => c.name)).toEqual(['gone.cwbackup']);
    expect(fs.existsSync(kept)).toBe(false);
    expect(fs.existsSync(edited)).toBe(true);
    expect(fs.existsSync(fresh)).toBe(true);
    // The changed one stays listed (as changed); the deleted and the gone ones are no longer listed.
    expect((await call('copies.list', {})).copies.map((c) => [c.name, c.state])).toEqual([
      ['edited.cwbackup', 'changed'],
      ['fresh.cwbackup', 'unchanged'],
    ]);
    const audit = await call('audit.list', { event: 'old_copies_deleted' });
    expect(audit.rows[0]!.detail).toBe('1 deleted, 1 changed since written (kept), 1 gone');
  });
});
