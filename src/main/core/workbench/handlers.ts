import fs from 'node:fs';
import path from 'node:path';
import { CasewalkError } from '../../../shared/result';
import type { SessionContext } from '../context';
import type { Handlers } from '../dispatch';
import { listAudit } from '../store/audit';
import { describeAudit } from './audit-view';
import { createBackup, restoreBackup } from '../store/backup';
import { copyRecords, deleteCopies, listCopies } from '../store/copies';
import {
  autoLockMinutes,
  dateStyle,
  minutesNames,
  setAutoLockMinutes,
  setDateStyle,
  setMinutesNames,
  setTimeZone,
  timeZone,
} from '../store/settings';
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

export function secretFrom(input: {
  keyholderId?: string | undefined;
  passphrase?: string | undefined;
  recoveryKey?: string | undefined;
}): Secret {
  if (input.recoveryKey && input.passphrase) throw new CasewalkError('invalid_input', 'Give a passphrase or the recovery key, not both.');
  if (input.recoveryKey) return { kind: 'recovery', recoveryKey: input.recoveryKey };
  if (input.passphrase) return { kind: 'passphrase', passphrase: input.passphrase, keyholderId: input.keyholderId };
  throw new CasewalkError('invalid_input', 'Enter your passphrase or the recovery key.');
}

export function workbenchHandlers(ctx: SessionContext): Pick<Handlers, WorkbenchMethod> {
  const settings = () => {
    const w = ctx.workbench;
    return {
      autoLockMinutes: w.read(autoLockMinutes),
      systemUseNotice: w.notice,
      minutesNames: w.read(minutesNames),
      timeZone: w.read(timeZone),
      dateStyle: w.read(dateStyle),
    };
  };
  return {
    'workbench.keyholders': () => {
      if (!ctx.workbenchExists()) return { exists: false, committee: null, keyholders: [] };
      const k = Workbench.keyholdersOf(ctx.dbFile);
      // Unlocked: the slots as this session sees them, unknown or altered ones with a warning.
      return { exists: true, committee: k.committee, keyholders: ctx.isLocked() ? k.keyholders : ctx.workbench.keyholders() };
    },
    'workbench.create': async (input) => {
      if (ctx.workbenchExists()) throw new CasewalkError('exists', 'A workbench already exists in this data folder.');
      assertPassphrase(input.passphrase, { committee: input.committee, name: input.keyholder });
      const { workbench, recoveryKey } = await Workbench.create(ctx.dbFile, input);
      ctx.setWorkbench(workbench, 'create');
      return { recoveryKey };
    },
    'workbench.confirmRecoveryKey': () => {
      ctx.workbench.write({ event: 'recovery_key_confirmed', entity: 'workbench' }, () => {});
      return { confirmed: true as const };
    },
    'workbench.unlock': async (input) => {
      if (!ctx.isLocked()) return { actor: ctx.workbench.actor };
      const wb = await Workbench.unlock(ctx.dbFile, secretFrom(input));
      ctx.setWorkbench(wb, 'unlock');
      return { actor: wb.actor };
    },
    'workbench.lock': () => {
      ctx.lock('manual');
      return { locked: true as const };
    },
    'workbench.activity': () => ({ autoLockAt: ctx.autoLockAt }),
    'workbench.verify': () => ctx.workbench.verify(),
    'keyholders.add': async ({ name, passphrase }) => {
      assertPassphrase(passphrase, { committee: ctx.workbench.committee, name });
      return ctx.workbench.addKeyholder(name, passphrase);
    },
    'keyholders.remove': ({ id }) => {
      const r = ctx.workbench.removeKeyholder(id);
      // Rotation reaches the live workbench only: list the copies that keep the old key.
      return { ...r, oldCopies: r.recoveryKey ? ctx.workbench.read(listCopies) : [] };
    },
    'copies.list': () => ({ copies: ctx.workbench.read(listCopies) }),
    'copies.delete': ({ ids }) => deleteCopies(ctx.workbench, ids),
    'keyholders.changePassphrase': async ({ id, current, next }) => {
      const kh = ctx.workbench.keyholders().find((k) => k.id === id);
      assertPassphrase(next, { committee: ctx.workbench.committee, name: kh?.name });
      await ctx.workbench.changePassphrase(id, current, next);
      return { changed: true as const };
    },
    'audit.list': (query) =>
      ctx.workbench.read((db) => {
        const page = listAudit(db, query);
        return { ...page, rows: describeAudit(db, page.rows) };
      }),
    'settings.get': settings,
    'settings.update': (input) => {
      const changed = Object.keys(input).join(',');
      if (!changed) return settings();
      ctx.workbench.write({ event: 'settings_changed', entity: 'settings', detail: changed }, (db) => {
        if (input.autoLockMinutes) setAutoLockMinutes(db, input.autoLockMinutes);
        if (input.minutesNames !== undefined) setMinutesNames(db, input.minutesNames);
        if (input.timeZone) setTimeZone(db, input.timeZone);
        if (input.dateStyle) setDateStyle(db, input.dateStyle);
      });
      if (input.systemUseNotice) ctx.workbench.setNotice(input.systemUseNotice);
      if (input.autoLockMinutes) ctx.setAutoLockMinutes(input.autoLockMinutes);
      if (input.timeZone) ctx.setTimeZone(ctx.workbench.read(timeZone));
      return settings();
    },
    'files.chooseSave': ({ purpose, suggestedName }) => ctx.pickFile({ mode: 'write', purpose, suggestedName }),
    'files.chooseOpen': ({ purpose }) => ctx.pickFile({ mode: 'read', purpose }),
    'backup.create': ({ handle }) => {
      const target = ctx.files.take(handle, 'write');
      const r = createBackup(ctx.workbench, target, (done, total, stage) =>
        ctx.emit('task.progress', { task: 'backup', done, total, stage }),
      );
      return { bytes: r.bytes, displayName: target };
    },
    'backup.restore': async (input) => {
      const from = ctx.files.take(input.handle, 'read');
      if (!fs.existsSync(from)) throw new CasewalkError('not_found', 'The backup file is gone. Choose it again.');
      const secret = secretFrom(input);
      ctx.emit('task.progress', { task: 'restore', done: 0, total: 1, stage: 'checking' });
      let restored: Awaited<ReturnType<typeof restoreBackup>>;
      try {
        restored = await restoreBackup(
          from,
          ctx.dbFile,
          secret,
          () => {
            if (!ctx.isLocked()) ctx.lock('manual');
          },
          (done, total, stage) => ctx.emit('task.progress', { task: 'restore', done, total, stage }),
          { allowOtherWorkbench: input.confirmOtherWorkbench === true, carryCopies: ctx.isLocked() ? [] : ctx.workbench.read(copyRecords) },
        );
      } catch (e) {
        // Asking to confirm: hand back a fresh handle to the same file, so the confirmation
        // does not need the file chosen again.
        if (e instanceof CasewalkError && e.detail?.otherWorkbench) {
          throw new CasewalkError(e.code, e.message, { ...e.detail, handle: ctx.files.register(from, 'read') });
        }
        throw e;
      }
      const { workbench, replaced } = restored;
      ctx.setWorkbench(workbench, 'restore');
      ctx.emit('task.progress', { task: 'restore', done: 1, total: 1, stage: 'done' });
      return { replacedCopy: replaced ? path.basename(replaced) : null, actor: workbench.actor };
    },
  };
}
