import { z } from 'zod';
import { method } from '../method';
import { emptyInput, id, MAX, requiredText } from '../zod-helpers';
import { AUDIT_EVENT_NAMES } from './audit-events';
import { isTimeZone } from '../time-zone';
import { dateStyle } from '../dates';

const passphrase = z.string().max(MAX.secret, 'A passphrase may be at most 512 characters.');
/** `warning`: the slot is not sealed by this workbench's key (unknown or altered); shown once unlocked. */
const keyholder = z.object({ id: z.string(), name: z.string(), warning: z.string().optional() });
const fileHandle = z.string().regex(/^fh_[A-Za-z0-9_-]{8,64}$/, 'Not a file handle: choose the file again.');

/**
 * A copy of the workbench Casewalk wrote outside the live file (a backup, or a file of a
 * `.replaced-*` copy kept by a restore), with whether it is still exactly what Casewalk wrote.
 * These keep the data key they were made with: removing a keyholder does not revoke them.
 */
export const copyState = z.enum(['unchanged', 'changed', 'missing']);
export type CopyState = z.infer<typeof copyState>;
export const copyView = z.object({
  id: z.number(),
  kind: z.enum(['backup', 'replaced']),
  name: z.string(),
  folder: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
  state: copyState,
});
export type CopyView = z.infer<typeof copyView>;

export const verifyReport = z.object({
  ok: z.boolean(),
  cipherIntegrity: z.object({ ok: z.boolean(), errors: z.number() }),
  integrity: z.object({ ok: z.boolean(), messages: z.array(z.string()) }),
  auditChain: z.object({ ok: z.boolean(), rows: z.number(), firstBroken: z.number().nullable(), reason: z.string().nullable() }),
  /** The key file's slot seal: every unknown, altered or missing slot, named. */
  keyslots: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
  /** Triggers, views, tables and indexes the migrations did not create (or created differently). */
  schema: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
});
export type VerifyReport = z.infer<typeof verifyReport>;
/** Where an audit row's entity can be opened (the renderer builds the address from its route table). */
export const auditEntityLink = z.discriminatedUnion('page', [
  z.object({ page: z.literal('incident'), id: z.number() }),
  z.object({ page: z.literal('meeting'), id: z.number() }),
  /** `batch`: the incidents of one import (the list's "this import" filter). */
  z.object({ page: z.literal('incidents'), batch: z.number().optional() }),
  z.object({ page: z.literal('recommendations') }),
  z.object({ page: z.literal('reports') }),
  z.object({ page: z.literal('settings'), tab: z.enum(['roster', 'services', 'members', 'audit']) }),
]);
export type AuditEntityLink = z.infer<typeof auditEntityLink>;
/** First run: the committee, the first keyholder and their passphrase, typed twice. */
export const setupForm = z
  .object({
    committee: requiredText('The committee’s name', MAX.name),
    keyholder: requiredText('Your name', MAX.name),
    passphrase: z
      .string()
      .min(12, { error: (iss) => `Use at least 12 characters (now ${String(iss.input).length}).` })
      .pipe(passphrase),
    confirm: z.string(),
  })
  .refine((v) => v.confirm === v.passphrase, { path: ['confirm'], message: 'The two passphrases differ.' });
export type SetupFormValues = z.input<typeof setupForm>;
/** The unlock screen's form: who (when several keyholders), and the passphrase or recovery key, with messages for each field. */
export const unlockForm = (needsKeyholder: boolean) =>
  z
    .object({
      mode: z.enum(['passphrase', 'recovery']),
      keyholderId: z.string().nullable(),
      secret: z.string(),
    })
    .superRefine((v, ctx) => {
      const recovery = v.mode === 'recovery';
      if (!v.secret.trim())
        ctx.addIssue({ code: 'custom', path: ['secret'], message: recovery ? 'Type the recovery key.' : 'Type your passphrase.' });
      else if (v.secret.length > (recovery ? 80 : MAX.secret))
        ctx.addIssue({
          code: 'custom',
          path: ['secret'],
          message: recovery ? 'A recovery key is at most 80 characters.' : 'A passphrase may be at most 512 characters.',
        });
      if (!recovery && needsKeyholder && !v.keyholderId)
        ctx.addIssue({ code: 'custom', path: ['keyholderId'], message: 'Choose who you are.' });
    });
export type UnlockFormValues = z.input<ReturnType<typeof unlockForm>>;
/** Settings → Backup & restore: the keyholder and passphrase that open the backup. */
export const restoreForm = z.object({
  keyholderId: z.string().nullable(),
  passphrase: z
    .string()
    .min(1, 'Type the passphrase that opens the backup.')
    .max(MAX.secret, 'A passphrase may be at most 512 characters.'),
});
export type RestoreFormValues = z.input<typeof restoreForm>;
export const auditRow = z.object({
  id: z.number(),
  at: z.string(),
  member: z.string().nullable(),
  event: z.string(),
  /** As stored ("minutes:36"), */
  entity: z.string().nullable(),
  /** in words ("Minutes of 8 Dec 2026 meeting"), */
  entityLabel: z.string().nullable(),
  /** and where to open it, when it has a page. */
  entityLink: auditEntityLink.nullable(),
  outcome: z.string(),
  detail: z.string().nullable(),
});
export type AuditRowView = z.infer<typeof auditRow>;
export const settings = z.object({
  autoLockMinutes: z.number().int().min(1).max(30),
  systemUseNotice: z.string(),
  /** Minutes list attendees by name (otherwise by sector only). */
  minutesNames: z.boolean(),
  /** The committee's time zone (IANA name; the machine's until set): "today", overdue flags, minutes and approval dates. */
  timeZone: z.string(),
  /** How dates are written and typed (src/shared/dates.ts); ISO by default. */
  dateStyle,
});

export const workbenchMethods = {
  'workbench.keyholders': method(
    emptyInput,
    z.object({ exists: z.boolean(), committee: z.string().nullable(), keyholders: z.array(keyholder) }),
    { whenLocked: true },
  ),
  'workbench.create': method(
    z
      .object({
        committee: requiredText('Committee name', MAX.name),
        keyholder: requiredText('Your name', MAX.name),
        passphrase,
      })
      .strict(),
    z.object({ recoveryKey: z.string() }),
    { whenLocked: true },
  ),
  'workbench.confirmRecoveryKey': method(emptyInput, z.object({ confirmed: z.literal(true) })),
  'workbench.unlock': method(
    z
      .object({
        keyholderId: id.optional(),
        passphrase: passphrase.optional(),
        recoveryKey: z.string().max(80).optional(),
      })
      .strict(),
    z.object({ actor: z.string() }),
    { whenLocked: true },
  ),
  'workbench.lock': method(emptyInput, z.object({ locked: z.literal(true) }), { whenLocked: true }),
  'workbench.activity': method(emptyInput, z.object({ autoLockAt: z.number() })),
  'workbench.verify': method(emptyInput, verifyReport),
  'keyholders.add': method(z.object({ name: requiredText('Name', MAX.name), passphrase }).strict(), keyholder),
  /** recoveryKey is null when the slot removed was an unknown one (no rotation: it never had the key). */
  /**
   * oldCopies: the backups and replaced copies Casewalk made before this removal; they keep the
   * old data key, so the removed keyholder's passphrase and the old recovery key still open them.
   */
  'keyholders.remove': method(z.object({ id }).strict(), z.object({ recoveryKey: z.string().nullable(), oldCopies: z.array(copyView) })),
  /** The backups and replaced copies Casewalk made and has not deleted, each checked against its SHA-256. */
  'copies.list': method(emptyInput, z.object({ copies: z.array(copyView) })),
  /** Deletes the given copies, each only if its file still has the SHA-256 Casewalk recorded; reports the rest. */
  'copies.delete': method(
    z
      .object({
        ids: z.array(z.number().int().positive()).min(1, 'Choose at least one copy.').max(1000),
        confirm: z.literal(true, 'Confirm the deletion.'),
      })
      .strict(),
    z.object({ deleted: z.array(copyView), changed: z.array(copyView), missing: z.array(copyView) }),
  ),
  'keyholders.changePassphrase': method(
    z.object({ id, current: passphrase, next: passphrase }).strict(),
    z.object({ changed: z.literal(true) }),
  ),
  'audit.list': method(
    z
      .object({
        event: z.enum(AUDIT_EVENT_NAMES).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ rows: z.array(auditRow), total: z.number() }),
  ),
  'settings.get': method(emptyInput, settings),
  'settings.update': method(
    z
      .object({
        autoLockMinutes: z
          .number()
          .int('Auto-lock is a whole number of minutes.')
          .min(1, 'Auto-lock needs at least 1 minute.')
          .max(30, 'Auto-lock can be at most 30 minutes (CJIS).')
          .optional(),
        systemUseNotice: z
          .string()
          .trim()
          .min(1, 'The system use notice cannot be empty.')
          .max(2000, 'The system use notice can be at most 2000 characters.')
          .optional(),
        minutesNames: z.boolean().optional(),
        timeZone: z
          .string()
          .trim()
          .max(64, 'A time zone name is at most 64 characters.')
          .refine(isTimeZone, 'That is not a time zone. Use a name like America/Los_Angeles or Europe/London.')
          .optional(),
        dateStyle: dateStyle.optional(),
      })
      .strict(),
    settings,
  ),
  'files.chooseSave': method(
    z.object({ purpose: z.enum(['backup', 'export', 'mapping']), suggestedName: requiredText('File name', 120) }).strict(),
    z.object({ handle: fileHandle, displayName: z.string() }).nullable(),
  ),
  'files.chooseOpen': method(
    z.object({ purpose: z.enum(['restore', 'import', 'mapping']) }).strict(),
    z.object({ handle: fileHandle, displayName: z.string() }).nullable(),
    { whenLocked: true },
  ),
  'backup.create': method(z.object({ handle: fileHandle }).strict(), z.object({ bytes: z.number(), displayName: z.string() })),
  'backup.restore': method(
    z
      .object({
        handle: fileHandle,
        keyholderId: id.optional(),
        passphrase: passphrase.optional(),
        recoveryKey: z.string().max(80).optional(),
        /** Replace this workbench with a backup of a different one (after the user saw both). */
        confirmOtherWorkbench: z.boolean().optional(),
      })
      .strict(),
    z.object({ replacedCopy: z.string().nullable(), actor: z.string() }),
    { whenLocked: true },
  ),
};

export const lockChanged = z
  .object({ locked: z.boolean(), reason: z.enum(['manual', 'inactivity', 'unlock', 'create', 'restore']) })
  .strict();
export const progress = z
  .object({ task: z.enum(['backup', 'restore', 'import', 'export']), done: z.number(), total: z.number(), stage: z.string().max(80) })
  .strict();
/** After a call that may have changed the workbench: its method name only, never data (src/shared/changes.ts). */
const dataChanged = z.object({ method: z.string().max(80) }).strict();
export const workbenchEvents = {
  'workbench.lockChanged': lockChanged,
  'data.changed': dataChanged,
  'task.progress': progress,
} as const;
