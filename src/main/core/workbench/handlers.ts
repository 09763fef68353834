import fs from 'node:fs';
import { CasewalkError } from '../../../shared/result';
import type { Core } from '../core';
import type { Handlers } from '../dispatch';
import { createBackup, restoreBackup } from '../store/backup';
import { Workbench, type Secret } from '../store/workbench';
import { assertPassphrase } from './passphrase';

type WorkbenchMethod =
  | 'workbench.keyholders'
  | 'workbench.create'
  | 'workbench.confirmRecoveryKey'
  | 'workbench.unlock'
  | 'workbench.lock'
  | 'workbench.activity'
  | 'workbench.verify'
  | 'keyholders.add'
  | 'keyholders.remove'
  | 'keyholders.changePassphrase'
  | 'audit.list'
  | 'settings.get'
  | 'settings.update'
  | 'files.chooseSave'
  | 'files.chooseOpen'
  | 'backup.create'
  | 'backup.restore';

export function secretFrom(input: { keyholderId?: string | undefined; passphrase?: string | undefined; recoveryKey?: string | undefined }): Secret {
  if (input.recoveryKey && input.passphrase) throw new CasewalkError('invalid_input', 'Give a passphrase or the recovery key, not both.');
  if (input.recoveryKey) return { kind: 'recovery', recoveryKey: input.recoveryKey };
  if (input.passphrase) return { kind: 'passphrase', passphrase: input.passphrase, keyholderId: input.keyholderId };
  throw new CasewalkError('invalid_input', 'Enter your passphrase or the recovery key.');
}

export function workbenchHandlers(core: Core): Pick<Handlers, WorkbenchMethod> {
  const settings = () =>
    core.workbench.read((db) => {
      const v = db.prepare("SELECT value FROM settings WHERE key = 'autoLockMinutes'").get() as { value: string } | undefined;
      return { autoLockMinutes: Number(v?.value ?? 15), systemUseNotice: core.workbench.notice };
    });
  return {
    'workbench.keyholders': () => {
      if (!core.workbenchExists()) return { exists: false, committee: null, keyholders: [] };
      const k = Workbench.keyholdersOf(core.dbFile);
      return { exists: true, committee: k.committee, keyholders: k.keyholders };
    },
    'workbench.create': async (input) => {
      if (core.workbenchExists()) throw new CasewalkError('exists', 'A workbench already exists in this data folder.');
      assertPassphrase(input.passphrase, { committee: input.committee, name: input.keyholder });
      const { workbench, recoveryKey } = await Workbench.create(core.dbFile, input);
      core.setWorkbench(workbench, 'create');
      return { recoveryKey };
    },
    'workbench.confirmRecoveryKey': () => {
      core.workbench.write({ event: 'recovery_key_confirmed', entity: 'workbench' }, () => {});
      return { confirmed: true as const };
    },
    'workbench.unlock': async (input) => {
      if (!core.isLocked()) return { actor: core.workbench.actor };
      const wb = await Workbench.unlock(core.dbFile, secretFrom(input));
      core.setWorkbench(wb, 'unlock');
      return { actor: wb.actor };
    },
    'workbench.lock': () => {
      core.lock('manual');
      return { locked: true as const };
    },
    'workbench.activity': () => ({ autoLockAt: core.autoLockAt }),
    'workbench.verify': () => core.workbench.verify(),
    'keyholders.add': async ({ name, passphrase }) => {
      assertPassphrase(passphrase, { committee: core.workbench.committee, name });
      return core.workbench.addKeyholder(name, passphrase);
    },
    'keyholders.remove': ({ id }) => core.workbench.removeKeyholder(id),
    'keyholders.changePassphrase': async ({ id, current, next }) => {
      const kh = core.workbench.keyholders().find((k) => k.id === id);
      assertPassphrase(next, { committee: core.workbench.committee, name: kh?.name });
      await core.workbench.changePassphrase(id, current, next);
      return { changed: true as const };
    },
    'audit.list': ({ event, limit, offset }) =>
      core.workbench.read((db) => {
        const where = event ? 'WHERE event = ?' : '';
        const args = event ? [event] : [];
        const rows = db
          .prepare(`SELECT id, at, member, event, entity, outcome, detail FROM audit ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
          .all([...args, limit, offset]);
        const total = (db.prepare(`SELECT count(*) AS n FROM audit ${where}`).get(args) as { n: number }).n;
        return { rows: rows as never, total };
      }),
    'settings.get': settings,
    'settings.update': ({ autoLockMinutes, systemUseNotice }) => {
      core.workbench.write({ event: 'settings_changed', entity: 'settings', detail: Object.keys({ ...(autoLockMinutes ? { autoLockMinutes } : {}), ...(systemUseNotice ? { systemUseNotice } : {}) }).join(',') }, (db) => {
        if (autoLockMinutes) db.prepare("INSERT INTO settings (key, value) VALUES ('autoLockMinutes', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run([String(autoLockMinutes)]);
      });
      if (systemUseNotice) core.workbench.setNotice(systemUseNotice);
      if (autoLockMinutes) core.setAutoLockMinutes(autoLockMinutes);
      return settings();
    },
    'files.chooseSave': ({ purpose, suggestedName }) => core.pickFile({ mode: 'write', purpose, suggestedName }),
    'files.chooseOpen': ({ purpose }) => core.pickFile({ mode: 'read', purpose }),
    'backup.create': ({ handle }) => {
      const target = core.files.take(handle, 'write');
      const r = createBackup(core.workbench, target, (done, total, stage) => core.emit('task.progress', { task: 'backup', done, total, stage }));
      core.workbench.write({ event: 'backup', entity: 'workbench', detail: `${r.bytes} bytes` }, () => {});
      return { bytes: r.bytes, displayName: target.split(/[\\/]/).pop() ?? '' };
    },
    'backup.restore': async (input) => {
      const from = core.files.take(input.handle, 'read');
      if (!fs.existsSync(from)) throw new CasewalkError('not_found', 'The backup file is gone. Choose it again.');
      const secret = secretFrom(input);
      core.emit('task.progress', { task: 'restore', done: 0, total: 1, stage: 'checking' });
      const { workbench, replaced } = await restoreBackup(from, core.dbFile, secret, () => {
        if (!core.isLocked()) core.lock('manual');
      });
      core.setWorkbench(workbench, 'restore');
      core.emit('task.progress', { task: 'restore', done: 1, total: 1, stage: 'done' });
      return { replacedCopy: replaced ? replaced.split(/[\\/]/).pop()! : null, actor: workbench.actor };
    },
  };
}
