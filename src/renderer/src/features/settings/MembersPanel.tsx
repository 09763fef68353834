import { Alert, Button, Group, Modal, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { zodForm } from '../../lib/form';
import { workbenchMethods, type CopyView } from '../../../../shared/workbench/schemas';
import { ErrorAlert } from '../../ui/FormActions';
import { RecoveryKeyPanel, useKeyholders } from '../workbench';
import { useAddKeyholder, useChangePassphrase, useCopies, useRemoveKeyholder } from './queries';
import { OldCopiesPanel } from './OldCopies';
import { KeyholdersTable, RemoveKeyholderModal, UnknownSlotAlert, type KeyholderRow } from './KeyholderParts';

export function MembersPanel() {
  const keyholdersQuery = useKeyholders();
  const keyholders = keyholdersQuery.data?.keyholders ?? [];
  const writes = {
    add: useAddKeyholder().mutateAsync,
    remove: useRemoveKeyholder().mutateAsync,
    change: useChangePassphrase().mutateAsync,
  };
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<KeyholderRow | null>(null);
  const [newKey, setNewKey] = useState<string | null>(null);
  const [changing, setChanging] = useState<{ id: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The copies left after a removal.
  const [oldCopies, setOldCopies] = useState<{ removed: string; copies: CopyView[] } | null>(null);
  // The removal dialog lists the copies recorded before it, which the rotation will not reach.
  const copies = useCopies(removing !== null && !removing.warning);
  const copiesBefore = copies.data?.copies ?? (copies.isError ? [] : null);
  const askRemove = (k: KeyholderRow) => setRemoving(k);

  if (newKey) {
    return (
      <RecoveryKeyPanel
        title="New recovery key"
        recoveryKey={newKey}
        onStored={() => void unwrap(api().workbench.confirmRecoveryKey()).finally(() => setNewKey(null))}
      />
    );
  }
  return (
    <Stack gap="lg" maw={900}>
      <Text>
        Keyholders can unlock this workbench with their own passphrase. Removing a keyholder re-encrypts the workbench with a new key, so a
        copy of the old key stops working, and gives you a new recovery key.
      </Text>
      <ErrorAlert error={keyholdersQuery.error} title="Cannot list the keyholders" />
      {done && <Alert color="teal">{done}</Alert>}
      {oldCopies && oldCopies.copies.length > 0 && (
        <OldCopiesPanel removed={oldCopies.removed} copies={oldCopies.copies} onClose={() => setOldCopies(null)} />
      )}
      <UnknownSlotAlert keyholders={keyholders} />
      <KeyholdersTable keyholders={keyholders} onChange={setChanging} onRemove={askRemove} />
      <Paper withBorder p="lg">
        <AddKeyholderForm
          error={error}
          onAdd={(v) => {
            setError(null);
            return writes.add(v).then(
              (k) => {
                setDone(`${k.name} can now unlock the workbench.`);
                return true;
              },
              (err: Error) => {
                setError(err.message);
                return false;
              },
            );
          }}
        />
      </Paper>
      <RemoveKeyholderModal
        removing={removing}
        copiesBefore={copiesBefore}
        onCancel={() => setRemoving(null)}
        onConfirm={(k) => {
          setRemoving(null);
          writes
            .remove({ id: k.id })
            .then((r) => {
              setOldCopies(r.oldCopies.length ? { removed: k.name, copies: r.oldCopies } : null);
              if (r.recoveryKey) setNewKey(r.recoveryKey);
              else setDone(`The unknown slot "${k.name}" was removed.`);
            })
            .catch((err: Error) => setError(err.message));
        }}
      />
      <Modal opened={changing !== null} onClose={() => setChanging(null)} title={`Change passphrase for ${changing?.name ?? ''}`} size="lg">
        {changing && (
          <ChangePassphraseForm
            onChange={(v) =>
              writes.change({ id: changing.id, ...v }).then(() => {
                setDone(`Passphrase changed for ${changing.name}.`);
                setChanging(null);
              })
            }
          />
        )}
      </Modal>
    </Stack>
  );
}

// The contract's checks (src/shared); an empty passphrase is asked for in words (its strength is the core's to judge).
const add = workbenchMethods['keyholders.add'].input.shape;
const typed = (what: string) => z.string().min(1, what);
const addSchema = z.object({ name: add.name, passphrase: typed('Type their passphrase.').pipe(add.passphrase) });
const changeSchema = z.object({ current: typed('Type the current passphrase.'), next: typed('Type the new passphrase.') });

function AddKeyholderForm(p: { error: string | null; onAdd(v: { name: string; passphrase: string }): Promise<boolean> }) {
  const form = useForm({ initialValues: { name: '', passphrase: '' }, validate: zodForm(addSchema) });
  return (
    <form
      onSubmit={form.onSubmit(async (v) => {
        if (await p.onAdd(v)) form.reset();
      })}
      noValidate
    >
      <Stack>
        <Title order={3}>Add a keyholder</Title>
        <Group align="flex-start" grow>
          <TextInput size="md" label="Name" {...form.getInputProps('name')} />
          <PasswordInput size="md" label="Their passphrase" description="They type it themselves." {...form.getInputProps('passphrase')} />
        </Group>
        <ErrorAlert error={p.error} title="The keyholder was not added" />
        <Group>
          <Button type="submit">Add keyholder</Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChangePassphraseForm(p: { onChange(v: { current: string; next: string }): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues: { current: '', next: '' }, validate: zodForm(changeSchema) });
  return (
    <form
      onSubmit={form.onSubmit((v) => {
        setError(null);
        p.onChange(v).catch((err: Error) => setError(err.message));
      })}
      noValidate
    >
      <Stack>
        <PasswordInput label="Current passphrase" {...form.getInputProps('current')} />
        <PasswordInput label="New passphrase" {...form.getInputProps('next')} />
        <ErrorAlert error={error} title="The passphrase was not changed" />
        <Group justify="flex-end">
          <Button type="submit">Change passphrase</Button>
        </Group>
      </Stack>
    </form>
  );
}
