/** Pieces of Settings → Keyholders: the table, the unknown-slot warning and the removal dialog. */
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { CopyView } from '../../../../shared/workbench/schemas';
import { CopiesTable, notRevokedText } from './OldCopies';

export interface KeyholderRow {
  id: string;
  name: string;
  warning?: string | undefined;
}

export function KeyholdersTable(p: { keyholders: KeyholderRow[]; onChange(k: KeyholderRow): void; onRemove(k: KeyholderRow): void }) {
  return (
    <Table striped fz="md" aria-label="Keyholders">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Keyholder</Table.Th>
          <Table.Th>Actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.keyholders.map((k) => (
          <Table.Tr key={k.id}>
            <Table.Td>{k.name}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                {!k.warning && (
                  <Button variant="default" onClick={() => p.onChange(k)}>
                    Change passphrase
                  </Button>
                )}
                <Button variant="light" color="red" disabled={!k.warning && p.keyholders.length < 2} onClick={() => p.onRemove(k)}>
                  {k.warning ? 'Remove unknown slot' : 'Remove'}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function UnknownSlotAlert({ keyholders }: { keyholders: KeyholderRow[] }) {
  const unknown = keyholders.filter((k) => k.warning);
  if (!unknown.length) return null;
  return (
    <Alert color="red" role="alert" title="The key file holds a slot Casewalk did not make">
      <Stack gap="xs">
        {unknown.map((k) => (
          <Text key={k.id}>{k.warning}</Text>
        ))}
        <Text>Adding, removing and changing keyholders waits until you remove it (the removal is recorded in the audit log).</Text>
      </Stack>
    </Alert>
  );
}

/** "Remove …?": what the removal does, and the copies made before it, which the rotation will not reach. */
export function RemoveKeyholderModal(p: {
  removing: KeyholderRow | null;
  copiesBefore: CopyView[] | null;
  onCancel(): void;
  onConfirm(k: KeyholderRow): void;
}) {
  const { removing, copiesBefore } = p;
  return (
    <Modal opened={removing !== null} onClose={p.onCancel} title={`Remove ${removing?.name ?? ''}?`} size="lg">
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
          <Button variant="default" onClick={p.onCancel}>
            Cancel
          </Button>
          <Button color="red" onClick={() => removing && p.onConfirm(removing)}>
            {removing?.warning ? 'Remove slot' : 'Remove and rotate key'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
