/**
 * Issue 16, item 5: removing a keyholder re-encrypts the live workbench only. The backups and
 * replaced copies Casewalk made before keep the old key; this lists them (as recorded, with
 * whether each file is still what Casewalk wrote), offers a fresh backup, and after
 * confirmation deletes those still exactly as written, naming the ones that changed or are gone.
 */
import { Alert, Button, Group, List, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { CopyView } from '../../../../shared/workbench/schemas';
import { api, unwrap } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useSaveBackup } from './queries';

const STATE: Record<CopyView['state'], string> = {
  unchanged: 'as Casewalk wrote it',
  changed: 'changed since Casewalk wrote it',
  missing: 'gone',
};

/** Plain words for the removal dialog: what rotation does and does not reach. */
export function notRevokedText(name: string, count: number): string {
  const what = count === 1 ? 'One backup or replaced copy Casewalk made is' : `${count} backups and replaced copies Casewalk made are`;
  return (
    `Removing ${name} does not revoke older copies. The workbench is re-encrypted with a new key, so ${name}'s passphrase and the old recovery key stop opening it, ` +
    `but every backup and replaced copy made before keeps the old key and still opens with ${name}'s passphrase and the old recovery key. ` +
    (count ? `${what} listed below.` : 'Casewalk has recorded no such copies; any copy made elsewhere still opens with the old key.')
  );
}

export function CopiesTable({ copies, label }: { copies: CopyView[]; label: string }) {
  return (
    <Table fz="sm" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Copy</Table.Th>
          <Table.Th>Folder</Table.Th>
          <Table.Th>Made</Table.Th>
          <Table.Th>File</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {copies.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              {c.kind === 'backup' ? 'Backup' : 'Replaced copy'}: {c.name}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{c.folder}</Table.Td>
            <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
            <Table.Td>{STATE[c.state]}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Deleted = { deleted: CopyView[]; changed: CopyView[]; missing: CopyView[] };

/** Shown after a removal: the older copies, a fresh backup, and the deletion (after confirmation). */
export function OldCopiesPanel({ removed, copies, onClose }: { removed: string; copies: CopyView[]; onClose: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Deleted | null>(null);
  const [backupDone, setBackupDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const deletable = copies.filter((c) => c.state === 'unchanged');

  const saveBackup = useSaveBackup();
  const freshBackup = async () => {
    setError(null);
    try {
      const r = await saveBackup();
      if (!r) return;
      setBackupDone(`Fresh backup saved as ${r.displayName}, encrypted with the new key.`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const remove = () => {
    setConfirming(false);
    setError(null);
    unwrap(api().copies.delete({ ids: copies.map((c) => c.id), confirm: true }))
      .then(setResult)
      .catch((e: Error) => setError(e.message));
  };

  return (
    <Paper withBorder p="lg" role="region" aria-label="Older copies">
      <Stack>
        <Title order={3}>Older copies still open with the old key</Title>
        <Text>
          {removed}&apos;s passphrase and the old recovery key no longer open this workbench, but they still open these{' '}
          {copies.length === 1 ? 'copy' : `${copies.length} copies`}, made before the removal. Make a fresh backup with the new key first,
          then delete them. Casewalk deletes only a file that is still exactly what it wrote (same SHA-256).
        </Text>
        <CopiesTable copies={copies} label="Older backups and replaced copies" />
        {backupDone && <Alert color="teal">{backupDone}</Alert>}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {result ? (
          <Alert
            color={result.changed.length ? 'yellow' : 'teal'}
            role="status"
            title={`Deleted ${result.deleted.length} of ${copies.length}`}
          >
            <Stack gap="xs">
              {result.changed.length > 0 && (
                <>
                  <Text>Not deleted, changed since Casewalk wrote them (check them and delete them yourself):</Text>
                  <List>
                    {result.changed.map((c) => (
                      <List.Item key={c.id}>{`${c.folder}/${c.name}`}</List.Item>
                    ))}
                  </List>
                </>
              )}
              {result.missing.length > 0 && (
                <>
                  <Text>Already gone:</Text>
                  <List>
                    {result.missing.map((c) => (
                      <List.Item key={c.id}>{`${c.folder}/${c.name}`}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Stack>
          </Alert>
        ) : null}
        <Group>
          <Button variant="default" onClick={() => void freshBackup()}>
            Make a fresh backup
          </Button>
          {!result && (
            <Button color="red" variant="light" onClick={() => setConfirming(true)}>
              Delete older copies…
            </Button>
          )}
          <Button variant="subtle" onClick={onClose}>
            {result ? 'Done' : 'Keep them'}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Delete the older copies?" size="lg">
        <Stack>
          <Text>
            {deletable.length === copies.length
              ? `All ${copies.length} files listed are still exactly as Casewalk wrote them and will be deleted.`
              : `${deletable.length} of the ${copies.length} files listed are still exactly as Casewalk wrote them and will be deleted; the others are left and named.`}{' '}
            {backupDone ? '' : 'You have not made a fresh backup yet.'} This cannot be undone.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={remove}>
              Delete {deletable.length === 1 ? '1 file' : `${deletable.length} files`}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
