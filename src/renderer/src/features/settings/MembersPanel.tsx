import { Alert, Button, Group, Modal, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../lib/api';
import type { CopyView } from '../../../../shared/workbench/schemas';
import { ErrorAlert } from '../../ui/FormActions';
import { RecoveryKeyPanel, useKeyholders } from '../workbench';
import { useAddKeyholder, useChangePassphrase, useCopies, useRemoveKeyholder } from './queries';
import { CopiesTable, notRevokedText, OldCopiesPanel } from './OldCopies';

export function MembersPanel() {
  const keyholdersQuery = useKeyholders();
  const keyholders = keyholdersQuery.data?.keyholders ?? [];
  const writes = { add: useAddKeyholder().mutateAsync, remove: useRemoveKeyholder().mutateAsync, change: useChangePassphrase().mutateAsync };
  const [name, setName] = useState('');
  const [pass, setPass] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ id: string; name: string; warning?: string | undefined } | null>(null);
  const [newKey, setNewKey] = useState<string | null>(null);
  const [changing, setChanging] = useState<{ id: string; name: string } | null>(null);
  const [cur, setCur] = useState('');
  const [next, setNext] = useState('');
  const [changeError, setChangeError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The copies left after a removal.
  const [oldCopies, setOldCopies] = useState<{ removed: string; copies: CopyView[] } | null>(null);
  // The removal dialog lists the copies recorded before it, which the rotation will not reach.
  const copies = useCopies(removing !== null && !removing.warning);
  const copiesBefore = copies.data?.copies ?? (copies.isError ? [] : null);
  const askRemove = (k: { id: string; name: string; warning?: string | undefined }) => setRemoving(k);

  if (newKey) {
    return <RecoveryKeyPanel title="New recovery key" recoveryKey={newKey} onStored={() => void unwrap(api().workbench.confirmRecoveryKey()).finally(() => setNewKey(null))} />;
  }
  return (
    <Stack gap="lg" maw={900}>
      <Text>
        Keyholders can unlock this workbench with their own passphrase. Removing a keyholder re-encrypts the workbench with a new key,
        so a copy of the old key stops working, and gives you a new recovery key.
      </Text>
      <ErrorAlert error={keyholdersQuery.error} title="Cannot list the keyholders" />
      {done && <Alert color="teal">{done}</Alert>}
      {oldCopies && oldCopies.copies.length > 0 && <OldCopiesPanel removed={oldCopies.removed} copies={oldCopies.copies} onClose={() => setOldCopies(null)} />}
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
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            writes
              .add({ name, passphrase: pass })
              .then((k) => {
                setName('');
                setPass('');
                setDone(`${k.name} can now unlock the workbench.`);
              })
              .catch((err: Error) => setError(err.message));
          }}
        >
          <Stack>
            <Title order={3}>Add a keyholder</Title>
            <Group align="flex-end" grow>
              <TextInput size="md" label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <PasswordInput size="md" label="Their passphrase" description="They type it themselves." value={pass} onChange={(e) => setPass(e.currentTarget.value)} />
            </Group>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group>
              <Button type="submit" disabled={!name || !pass}>
                Add keyholder
              </Button>
            </Group>
          </Stack>
        </form>
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
                {copiesBefore.length > 0 && <Text>After the removal you can make a fresh backup with the new key and delete these copies.</Text>}
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
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setChangeError(null);
            writes
              .change({ id: changing!.id, current: cur, next })
              .then(() => {
                setDone(`Passphrase changed for ${changing!.name}.`);
                setChanging(null);
                setCur('');
                setNext('');
              })
              .catch((err: Error) => setChangeError(err.message));
          }}
        >
          <Stack>
            <PasswordInput label="Current passphrase" value={cur} onChange={(e) => setCur(e.currentTarget.value)} />
            <PasswordInput label="New passphrase" value={next} onChange={(e) => setNext(e.currentTarget.value)} />
            {changeError && (
              <Alert color="red" role="alert">
                {changeError}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" disabled={!cur || !next}>
                Change passphrase
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
