/**
 * Settings → Backup & restore → Restore: the keyholder and passphrase (@mantine/form, messages
 * under the fields), then the backup file; a backup of another workbench asks for confirmation.
 */
import { Button, Group, Modal, Paper, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { restoreForm, type RestoreFormValues } from '../../../../shared/workbench/schemas';
import { ApiError, api, unwrap } from '../../lib/api';
import { zodForm } from '../../lib/form';
import { useAppInfo, useKeyholders } from '../workbench';

/** A restore waiting for the user to confirm that the backup is of a different workbench. */
interface OtherWorkbench {
  handle: string;
  displayName: string;
  backupCommittee: string;
  backupWorkbenchId: string;
  currentCommittee: string;
  currentWorkbenchId: string;
}

function otherOf(e: unknown, displayName: string): OtherWorkbench | null {
  const d = e instanceof ApiError ? e.detail : undefined;
  if (!d?.otherWorkbench || typeof d.handle !== 'string') return null;
  return {
    handle: d.handle,
    displayName,
    backupCommittee: String(d.backupCommittee),
    backupWorkbenchId: String(d.backupWorkbenchId),
    currentCommittee: String(d.currentCommittee),
    currentWorkbenchId: String(d.currentWorkbenchId),
  };
}

function OtherWorkbenchModal({
  other,
  onCancel,
  onConfirm,
}: {
  other: OtherWorkbench | null;
  onCancel(): void;
  onConfirm(o: OtherWorkbench): void;
}) {
  return (
    <Modal opened={other !== null} onClose={onCancel} title="This backup is of a different workbench" size="lg">
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
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button color="red" onClick={() => onConfirm(other)}>
              Replace with {other.backupCommittee}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function RestoreSection({ onMessage }: { onMessage(m: { ok: boolean; text: string } | null): void }) {
  const keyholders = useKeyholders().data?.keyholders ?? [];
  const member = useAppInfo().data?.member;
  const form = useForm<RestoreFormValues>({ initialValues: { keyholderId: null, passphrase: '' }, validate: zodForm(restoreForm) });
  // Until one is chosen, the keyholder who is signed in.
  const keyholderId = form.values.keyholderId ?? keyholders.find((x) => x.name === member)?.id ?? keyholders[0]?.id ?? null;
  const [other, setOther] = useState<OtherWorkbench | null>(null);

  const restore = async (v: RestoreFormValues, confirmed?: OtherWorkbench) => {
    onMessage(null);
    setOther(null);
    try {
      const f = confirmed ?? (await unwrap(api().files.chooseOpen({ purpose: 'restore' })));
      if (!f) return;
      const input = { handle: f.handle, passphrase: v.passphrase, ...(keyholderId ? { keyholderId } : {}) };
      const r = await unwrap(api().backup.restore({ ...input, ...(confirmed ? { confirmOtherWorkbench: true } : {}) })).catch(
        (e: unknown) => {
          const o = otherOf(e, f.displayName);
          if (!o) throw e;
          setOther(o);
          return null;
        },
      );
      if (!r) return;
      // Restoring locks and reopens the workbench, which remounts this screen: use a notification.
      notifications.show({
        color: 'teal',
        autoClose: 15000,
        title: 'Workbench restored',
        message: `Restored from ${f.displayName}.${r.replacedCopy ? ` The previous workbench was kept as ${r.replacedCopy}.` : ''}`,
      });
    } catch (e) {
      onMessage({ ok: false, text: (e as Error).message });
    }
  };

  return (
    <Paper withBorder p="lg">
      <form onSubmit={form.onSubmit((v) => void restore(v))} noValidate>
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
              {...form.getInputProps('keyholderId')}
              value={keyholderId}
              maw={480}
            />
          )}
          <PasswordInput label="Passphrase for the backup" {...form.getInputProps('passphrase')} maw={480} />
          <Group>
            <Button variant="default" type="submit">
              Restore from a backup…
            </Button>
          </Group>
        </Stack>
      </form>
      <OtherWorkbenchModal other={other} onCancel={() => setOther(null)} onConfirm={(o) => void restore(form.values, o)} />
    </Paper>
  );
}
