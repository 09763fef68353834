import { Alert, Button, Group, Modal, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import { api, unwrap } from '../../lib/api';
import { zodForm } from '../../lib/form';
import { workbenchMethods, type CopyView } from '../../../../shared/workbench/schemas';
import { ErrorAlert } from '../../ui/FormActions';
import { RecoveryKeyPanel, useKeyholders } from '../workbench';
import { useAddKeyholder, useChangePassphrase, useCopies, useRemoveKeyholder } from './queries';
import { CopiesTable, notRevokedText, OldCopiesPanel } from './OldCopies';

export function MembersPanel() {
  const keyholdersQuery = useKeyholders();
  const keyholders = keyholdersQuery.data?.keyholders ?? [];
  const writes = {
    add: useAddKeyholder().mutateAsync,
    remove: useRemoveKeyholder().mutateAsync,
    change: useChangePassphrase().mutateAsync,
  };
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ id: string; name: string; warning?: string | undefined } | null>(null);
  const [newKey, setNewKey] = useState<string | null>(null);
  const [changing, setChanging] = useState<{ id: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The copies left after a removal.
  const [oldCopies, setOldCopies] = useState<{ removed: string; copies: CopyView[] } | null>(null);
  // The removal dialog lists the copies recorded before it, which the rotation will not reach.
  const copies = useCopies(removing !== null && !removing.warning);
  const copiesBefore = copies.data?.copies ?? (copies.isError ? [] : null);
  const askRemove = (k: { id: string; name: string; warning?: string | undefined }) => setRemoving(k);

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
      {keyholders.some((k) => k.warning) && (
        <Alert color="red" role="alert" title="The key file holds a slot Casewalk did not make">
          <Stack gap="xs">
            {keyholders
              .filter((k) => k.warning)
              .map((k) => (
                <Text key={k.id}>{k.warning}</Text>
              ))}
            <Text>Adding, removing and changing keyholders waits until you remove it (the removal is recorded in the audit log).</Text>
          </Stack>
        </Alert>
      )}
      <Table striped fz="md" aria-label="Keyholders">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Keyholder</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keyholders.map((k) => (
            <Table.Tr key={k.id}>
              <Table.Td>{k.name}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {!k.warning && (
                    <Button variant="default" onClick={() => setChanging(k)}>
                      Change passphrase
                    </Button>
                  )}
                  <Button variant="light" color="red" disabled={!k.warning && keyholders.length < 2} onClick={() => askRemove(k)}>
                    {k.warning ? 'Remove unknown slot' : 'Remove'}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={`Remove ${removing?.name ?? ''}?`} size="lg">
        <Stack>
          <Text>
            {removing?.warning
              ? 'This slot was not made by Casewalk for this workbench. It is deleted from the key file; it never received the data key, so no new key is needed.'
              : `The workbench will be re-encrypted with a new key and you will be shown a new recovery key. ${removing?.name ?? ''}'s passphrase and the old recovery key stop opening this workbench.`}
          </Text>
          {removing && !removing.warning && copiesBefore && (
            <Alert color="yellow" title="Older copies are not revoked">
              <Stack gap="xs">
                <Text>{notRevokedText(removing.name, copiesBefore.length)}</Text>
                {copiesBefore.length > 0 && <CopiesTable copies={copiesBefore} label="Backups and replaced copies made before" />}
                {copiesBefore.length > 0 && (
                  <Text>After the removal you can make a fresh backup with the new key and delete these copies.</Text>
                )}
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              onClick={() => {
                const k = removing!;
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
            >
              {removing?.warning ? 'Remove slot' : 'Remove and rotate key'}
            </Button>
          </Group>
        </Stack>
      </Modal>
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
        {p.error && (
          <Alert color="red" role="alert">
            {p.error}
          </Alert>
        )}
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
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit">Change passphrase</Button>
        </Group>
      </Stack>
    </form>
  );
}
