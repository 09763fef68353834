import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { RestoreSection } from './RestoreSection';
import { useSaveBackup } from './queries';

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
  useEffect(() => api().subscribe('task.progress', (p) => (p.task === 'backup' || p.task === 'restore') && setProgress(p)), []);

  const saveBackup = useSaveBackup();
  const backup = async () => {
    setMessage(null);
    try {
      const r = await saveBackup();
      if (!r) return;
      setMessage({
        ok: true,
        text: `Backup saved as ${r.displayName} (${Math.round(r.bytes / 1024)} KB). It is encrypted with the workbench key.`,
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
      <RestoreSection onMessage={setMessage} />
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
    </Stack>
  );
}
