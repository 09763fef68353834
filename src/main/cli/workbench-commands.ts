/** CLI commands on the workbench itself: create, verify, back up, restore, and its keyholders. */
import path from 'node:path';
import { need, str, UsageError } from './args';
import { COMMON, dbPath, keyholderIdByName, VerifyFailed, withCore, withUnlocked, type Command } from './command';
import { newPassphraseFromEnv, secretFromEnv } from './secrets';
import { memberRemovedText, type MemberRemoved } from './text';

export const WORKBENCH_COMMANDS: Record<string, Command> = {
  init: {
    summary: 'Create an encrypted workbench (--db PATH --committee NAME --member NAME); prints the recovery key once.',
    flags: { ...COMMON, committee: 'string', member: 'string' },
    async run(args, io) {
      const db = dbPath(args);
      const committee = need(args, 'committee');
      const keyholder = need(args, 'member');
      const passphrase = await newPassphraseFromEnv(io.env, 'CASEWALK_PASSPHRASE');
      return withCore(args, io, async (call) => {
        const { recoveryKey } = await call('workbench.create', { committee, keyholder, passphrase });
        await call('workbench.lock', {});
        return { db, recoveryKey };
      });
    },
    text: (v) => {
      const r = v as { db: string; recoveryKey: string };
      return `Workbench created: ${r.db}\nRecovery key (store it safely; it is shown only now):\n  ${r.recoveryKey}\n`;
    },
  },
  verify: {
    summary: 'Check cipher integrity, SQLite integrity and the audit chain (--db PATH); exit 1 if not ok.',
    flags: COMMON,
    async run(args, io) {
      const report = await withUnlocked(args, io, (call) => call('workbench.verify', {}));
      if (!report.ok) throw new VerifyFailed(report);
      return report;
    },
  },
  backup: {
    summary: 'Write an encrypted .cwbackup (--db PATH --out FILE).',
    flags: { ...COMMON, out: 'string' },
    async run(args, io) {
      const out = path.resolve(need(args, 'out'));
      return withUnlocked(args, io, async (call, core) => {
        const r = await call('backup.create', { handle: core.files.register(out, 'write') });
        return { file: out, bytes: r.bytes };
      });
    },
  },
  restore: {
    summary:
      'Restore a .cwbackup over a workbench (--from FILE --db PATH [--force]); keeps the replaced one as a dated copy. --force: the backup is of a different workbench.',
    flags: { ...COMMON, from: 'string', force: 'boolean' },
    async run(args, io) {
      const from = path.resolve(need(args, 'from'));
      const db = dbPath(args);
      const secret = await secretFromEnv(io.env);
      return withCore(args, io, async (call, core) => {
        const handle = core.files.register(from, 'read');
        const force = args.flags.force === true ? { confirmOtherWorkbench: true } : {};
        const r =
          secret.kind === 'recovery'
            ? await call('backup.restore', { handle, recoveryKey: secret.recoveryKey, ...force })
            : await call('backup.restore', {
                handle,
                ...force,
                passphrase: secret.passphrase,
                ...(secret.keyholderName ? { keyholderId: await keyholderIdByName(call, secret.keyholderName) } : {}),
              });
        const verify = await call('workbench.verify', {});
        await call('workbench.lock', {});
        return { db, replacedCopy: r.replacedCopy ? path.join(path.dirname(db), r.replacedCopy) : null, verify };
      });
    },
  },
  'member list': {
    summary: 'List keyholders (--db PATH); no passphrase needed.',
    flags: COMMON,
    async run(args, io) {
      need(args, 'db');
      return withCore(args, io, async (call) => (await call('workbench.keyholders', {})).keyholders);
    },
  },
  'member add': {
    summary: 'Add a keyholder (--db PATH --name NAME); their passphrase from CASEWALK_NEW_PASSPHRASE or a prompt.',
    flags: { ...COMMON, name: 'string' },
    async run(args, io) {
      const name = need(args, 'name');
      return withUnlocked(args, io, async (call) =>
        call('keyholders.add', { name, passphrase: await newPassphraseFromEnv(io.env, 'CASEWALK_NEW_PASSPHRASE') }),
      );
    },
  },
  'member remove': {
    summary:
      'Remove a keyholder and rotate the data key (--db PATH --name NAME [--backup-to FILE] [--delete-old-copies]); prints the new recovery key and the older backups and replaced copies, which the rotation does not reach. --backup-to: a fresh backup with the new key; --delete-old-copies: then delete those older copies still exactly as Casewalk wrote them.',
    flags: { ...COMMON, name: 'string', 'backup-to': 'string', 'delete-old-copies': 'boolean' },
    async run(args, io) {
      const name = need(args, 'name');
      const backupTo = str(args, 'backup-to');
      const fresh = backupTo ? path.resolve(backupTo) : null;
      const deleteOld = args.flags['delete-old-copies'] === true;
      return withUnlocked(args, io, async (call, core) => {
        const id = await keyholderIdByName(call, name);
        const { recoveryKey, oldCopies } = await call('keyholders.remove', { id });
        const result: MemberRemoved = { removed: name, recoveryKey, oldCopies };
        if (recoveryKey && fresh) {
          const r = await call('backup.create', { handle: core.files.register(fresh, 'write') });
          result.freshBackup = { file: fresh, bytes: r.bytes };
        }
        // Only the copies listed at the removal: a fresh backup made just now is never among them.
        if (deleteOld && oldCopies.length)
          result.deletedOldCopies = await call('copies.delete', { ids: oldCopies.map((c) => c.id), confirm: true });
        return result;
      });
    },
    text: (v) => memberRemovedText(v as MemberRemoved),
  },
  'member passwd': {
    summary: 'Change the passphrase of CASEWALK_MEMBER (--db PATH); new one from CASEWALK_NEW_PASSPHRASE or a prompt.',
    flags: COMMON,
    async run(args, io) {
      const secret = await secretFromEnv(io.env);
      if (secret.kind !== 'passphrase') throw new UsageError('Changing a passphrase needs the current passphrase, not the recovery key.');
      return withUnlocked(
        args,
        io,
        async (call) => {
          const me = (await call('app.info', {})).member!;
          const id = await keyholderIdByName(call, me);
          await call('keyholders.changePassphrase', {
            id,
            current: secret.passphrase,
            next: await newPassphraseFromEnv(io.env, 'CASEWALK_NEW_PASSPHRASE'),
          });
          return { changed: me };
        },
        secret,
      );
    },
  },
};
