import fs from 'node:fs';
import path from 'node:path';
import { CasewalkError } from '../../../shared/result';
import type { Core } from '../core';
import type { Handlers } from '../dispatch';
import { listAudit } from '../store/audit';
import { createBackup, restoreBackup } from '../store/backup';
import { copyRecords, deleteCopies, listCopies } from '../store/copies';
import { autoLockMinutes, minutesNames, setAutoLockMinutes, setMinutesNames } from '../store/settings';
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
  | 'copies.list'
  | 'copies.delete'
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
  const settings = () => ({ autoLockMinutes: core.workbench.read(autoLockMinutes), systemUseNotice: core.workbench.notice, minutesNames: core.workbench.read(minutesNames) });
  return {
    'workbench.keyholders': () => {
      if (!core.workbenchExists()) return { exists: false, committee: null, keyholders: [] };
      const k = Workbench.keyholdersOf(core.dbFile);
      // Unlocked: the slots as this session sees them, unknown or altered ones with a warning.
      return { exists: true, committee: k.committee, keyholders: core.isLocked() ? k.keyholders : core.workbench.keyholders() };
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
    'keyholders.remove': ({ id }) => {
      const r = core.workbench.removeKeyholder(id);
      // Rotation reaches the live workbench only: list the copies that keep the old key.
      return { ...r, oldCopies: r.recoveryKey ? core.workbench.read(listCopies) : [] };
    },
    'copies.list': () => ({ copies: core.workbench.read(listCopies) }),
    'copies.delete': ({ ids }) => deleteCopies(core.workbench, ids),
    'keyholders.changePassphrase': async ({ id, current, next }) => {
      const kh = core.workbench.keyholders().find((k) => k.id === id);
      assertPassphrase(next, { committee: core.workbench.committee, name: kh?.name });
      await core.workbench.changePassphrase(id, current, next);
      return { changed: true as const };
    },
    'audit.list': (query) => core.workbench.read((db) => listAudit(db, query)),
    'settings.get': settings,
    'settings.update': (input) => {
      const changed = Object.keys(input).join(',');
      if (!changed) return settings();
      core.workbench.write({ event: 'settings_changed', entity: 'settings', detail: changed }, (db) => {
        if (input.autoLockMinutes) setAutoLockMinutes(db, input.autoLockMinutes);
        if (input.minutesNames !== undefined) setMinutesNames(db, input.minutesNames);
      });
      if (input.systemUseNotice) core.workbench.setNotice(input.systemUseNotice);
      if (input.autoLockMinutes) core.setAutoLockMinutes(input.autoLockMinutes);
      return settings();
    },
    'files.chooseSave': ({ purpose, suggestedName }) => core.pickFile({ mode: 'write', purpose, suggestedName }),
    'files.chooseOpen': ({ purpose }) => core.pickFile({ mode: 'read', purpose }),
    'backup.create': ({ handle }) => {
      const target = core.files.take(handle, 'write');
      const r = createBackup(core.workbench, target, (done, total, stage) => core.emit('task.progress', { task: 'backup', done, total, stage }));
      return { bytes: r.bytes, displayName: path.basename(target) };
    },
    'backup.restore': async (input) => {
      const from = core.files.take(input.handle, 'read');
      if (!fs.existsSync(from)) throw new CasewalkError('not_found', 'The backup file is gone. Choose it again.');
      const secret = secretFrom(input);
      core.emit('task.progress', { task: 'restore', done: 0, total: 1, stage: 'checking' });
      let restored: Awaited<ReturnType<typeof restoreBackup>>;
      try {
        restored = await restoreBackup(
          from,
          core.dbFile,
          secret,
          () => {
            if (!core.isLocked()) core.lock('manual');
          },
          (done, total, stage) => core.emit('task.progress', { task: 'restore', done, total, stage }),
          { allowOtherWorkbench: input.confirmOtherWorkbench === true, carryCopies: core.isLocked() ? [] : core.workbench.read(copyRecords) },
        );
      } catch (e) {
        // Asking to confirm: hand back a fresh handle to the same file, so the confirmation
        // does not need the file chosen again.
        if (e instanceof CasewalkError && e.detail?.otherWorkbench) {
          throw new CasewalkError(e.code, e.message, { ...e.detail, handle: core.files.register(from, 'read') });
        }
        throw e;
      }
      const { workbench, replaced } = restored;
      core.setWorkbench(workbench, 'restore');
      core.emit('task.progress', { task: 'restore', done: 1, total: 1, stage: 'done' });
      return { replacedCopy: replaced ? path.basename(replaced) : null, actor: workbench.actor };
    },
  };
}
