import { Alert, Button, Group, Modal, Paper, PasswordInput, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { ApiError, api, unwrap } from '../../lib/api';
import { useAppInfo, useKeyholders } from '../workbench';
import { useToday } from './queries';

/** A restore waiting for the user to confirm that the backup is of a different workbench. */
interface OtherWorkbench {
  handle: string;
  displayName: string;
  backupCommittee: string;
  backupWorkbenchId: string;
  currentCommittee: string;
  currentWorkbenchId: string;
}

/** What each step of a backup or restore is doing, in words. */
const STAGES: Record<string, string> = {
  copying: 'Copying the workbench',
  checking: 'Checking the copy',
  writing: 'Writing the backup file',
  verifying: 'Verifying the key, the database and the audit chain',
  replacing: 'Replacing the workbench',
  done: 'Done',
};

export function BackupPanel() {
  const [progress, setProgress] = useState<{ done: number; total: number; stage: string } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [restorePass, setRestorePass] = useState('');
  const keyholders = useKeyholders().data?.keyholders ?? [];
  const member = useAppInfo().data?.member;
  // Until one is chosen, the keyholder who is signed in.
  const [chosenKeyholder, setKeyholderId] = useState<string | null>(null);
  const keyholderId = chosenKeyholder ?? keyholders.find((x) => x.name === member)?.id ?? keyholders[0]?.id ?? null;
  const [other, setOther] = useState<OtherWorkbench | null>(null);
  useEffect(() => api().subscribe('task.progress', (p) => (p.task === 'backup' || p.task === 'restore') && setProgress(p)), []);

  const today = useToday();
  const backup = async () => {
    setMessage(null);
    try {
      const f = await unwrap(api().files.chooseSave({ purpose: 'backup', suggestedName: `casewalk-${today}.cwbackup` }));
      if (!f) return;
      const r = await unwrap(api().backup.create({ handle: f.handle }));
      setMessage({
        ok: true,
        text: `Backup saved as ${r.displayName} (${Math.round(r.bytes / 1024)} KB). It is encrypted with the workbench key.`,
      });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };
  const restore = async (confirmed?: OtherWorkbench) => {
    setMessage(null);
    setOther(null);
    try {
      const f = confirmed ?? (await unwrap(api().files.chooseOpen({ purpose: 'restore' })));
      if (!f) return;
      let r;
      try {
        r = await unwrap(
          api().backup.restore({
            handle: f.handle,
            passphrase: restorePass,
            ...(keyholderId ? { keyholderId } : {}),
            ...(confirmed ? { confirmOtherWorkbench: true } : {}),
          }),
        );
      } catch (e) {
        const d = e instanceof ApiError ? e.detail : undefined;
        if (d?.otherWorkbench && typeof d.handle === 'string') {
          setOther({
            handle: d.handle,
            displayName: f.displayName,
            backupCommittee: String(d.backupCommittee),
            backupWorkbenchId: String(d.backupWorkbenchId),
            currentCommittee: String(d.currentCommittee),
            currentWorkbenchId: String(d.currentWorkbenchId),
          });
          return;
        }
        throw e;
      }
      // Restoring locks and reopens the workbench, which remounts this screen: use a notification.
      notifications.show({
        color: 'teal',
        autoClose: 15000,
        title: 'Workbench restored',
        message: `Restored from ${f.displayName}.${r.replacedCopy ? ` The previous workbench was kept as ${r.replacedCopy}.` : ''}`,
      });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };

  return (
    <Stack gap="lg" maw={900}>
      <Paper withBorder p="lg">
        <Stack>
          <Title order={3}>Back up</Title>
          <Text>One encrypted file with everything in the workbench and its keys. Store it on a drive your agency backs up.</Text>
          <Group>
            <Button onClick={() => void backup()}>Back up now…</Button>
          </Group>
          {progress && (
            <Stack gap={4}>
              <Progress
                value={(progress.done / Math.max(1, progress.total)) * 100}
                aria-label={`Progress: ${STAGES[progress.stage] ?? progress.stage}`}
                size="lg"
              />
              <Text size="sm" role="status">
                {STAGES[progress.stage] ?? progress.stage} · {Math.round((progress.done / Math.max(1, progress.total)) * 100)}%
              </Text>
            </Stack>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <Stack>
          <Title order={3}>Restore</Title>
          <Text>
            Replaces this workbench with a backup after checking its encryption, its database and its audit chain. The current workbench is
            kept as a dated copy beside it.
          </Text>
          {keyholders.length > 1 && (
            <Select
              label="Keyholder"
              data={keyholders.map((k) => ({ value: k.id, label: k.name }))}
              value={keyholderId}
              onChange={setKeyholderId}
              maw={480}
            />
          )}
          <PasswordInput
            label="Passphrase for the backup"
            value={restorePass}
            onChange={(e) => setRestorePass(e.currentTarget.value)}
            maw={480}
          />
          <Group>
            <Button variant="default" disabled={!restorePass} onClick={() => void restore()}>
              Restore from a backup…
            </Button>
          </Group>
        </Stack>
      </Paper>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      <Modal opened={other !== null} onClose={() => setOther(null)} title="This backup is of a different workbench" size="lg">
        {other && (
          <Stack>
            <Text>
              Backup: <strong>{other.backupCommittee}</strong> (workbench {other.backupWorkbenchId})
            </Text>
            <Text>
              This workbench: <strong>{other.currentCommittee}</strong> (workbench {other.currentWorkbenchId})
            </Text>
            <Text>Restoring replaces this workbench with the other one. This workbench is kept as a dated copy beside it.</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOther(null)}>
                Cancel
              </Button>
              <Button color="red" onClick={() => void restore(other)}>
                Replace with {other.backupCommittee}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
