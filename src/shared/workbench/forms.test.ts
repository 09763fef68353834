import { describe, expect, it } from 'vitest';
import { restoreForm, setupForm, unlockForm } from './schemas';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('workbench forms: each message for its field, in a coordinator’s words', () => {
  it('setup: names required, a passphrase of 12 characters or more, typed the same twice', () => {
    expect(messages(setupForm.safeParse({ committee: ' ', keyholder: '', passphrase: 'short', confirm: 'shirt' }))).toEqual([
      'committee: The committee’s name is required.',
      'keyholder: Your name is required.',
      'passphrase: Use at least 12 characters (now 5).',
      'confirm: The two passphrases differ.',
    ]);
    expect(
      messages(setupForm.safeParse({ committee: 'CIT', keyholder: 'Dana', passphrase: 'harbour lantern', confirm: 'harbour lantern!' })),
    ).toEqual(['confirm: The two passphrases differ.']);
  });

  it('unlock: the secret for the mode chosen, and who you are only when several keyholders can unlock', () => {
    expect(messages(unlockForm(false).safeParse({ mode: 'recovery', keyholderId: null, secret: '' }))).toEqual([
      'secret: Type the recovery key.',
    ]);
    expect(messages(unlockForm(false).safeParse({ mode: 'passphrase', keyholderId: null, secret: 'x' }))).toEqual([]);
    expect(messages(unlockForm(true).safeParse({ mode: 'passphrase', keyholderId: null, secret: 'x' }))).toEqual([
      'keyholderId: Choose who you are.',
    ]);
    expect(messages(unlockForm(true).safeParse({ mode: 'recovery', keyholderId: null, secret: 'x' }))).toEqual([]);
  });

  it('restore: the backup’s passphrase is asked for', () => {
    expect(messages(restoreForm.safeParse({ keyholderId: null, passphrase: '' }))).toEqual([
      'passphrase: Type the passphrase that opens the backup.',
    ]);
  });
});
