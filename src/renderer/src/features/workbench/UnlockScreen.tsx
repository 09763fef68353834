/** Unlock: the system-use notice, who you are, then passphrase or recovery key (@mantine/form: each message under its field). */
import { Alert, Button, Center, Paper, PasswordInput, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useEffect, useState } from 'react';
import { unlockForm, type UnlockFormValues } from '../../../../shared/workbench/schemas';
import { type ApiError, api, unwrap } from '../../lib/api';
import { zodForm } from '../../lib/form';
import { useKeyholders } from './queries';

/** A wait in words: "30 seconds", "1 minute", "5 minutes". */
function waitWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Seconds left of an unlock lockout, counting down, and how long the pause was when it began. */
function useLockout(): [number, number, (seconds: number) => void] {
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [pausedFor, setPausedFor] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!lockedUntil) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [lockedUntil]);
  const pause = (seconds: number) => {
    const t = Date.now();
    setPausedFor(seconds);
    setNow(t); // else the first second shows one second too many (the clock last ticked earlier)
    setLockedUntil(t + seconds * 1000);
  };
  return [lockedUntil ? Math.max(0, Math.ceil((lockedUntil - now) / 1000)) : 0, pausedFor, pause];
}

function SecretFields({ form, keyholders }: { form: UseFormReturnType<UnlockFormValues>; keyholders: { id: string; name: string }[] }) {
  const mode = form.values.mode;
  return (
    <>
      <SegmentedControl
        value={mode}
        onChange={(v) => {
          form.setValues({ mode: v as UnlockFormValues['mode'], secret: '' });
          form.clearErrors();
        }}
        data={[
          { value: 'passphrase', label: 'Passphrase' },
          { value: 'recovery', label: 'Recovery key' },
        ]}
        aria-label="Unlock with"
      />
      {mode === 'passphrase' && keyholders.length > 1 && (
        <Select
          size="md"
          label="Who are you?"
          data={keyholders.map((k) => ({ value: k.id, label: k.name }))}
          {...form.getInputProps('keyholderId')}
        />
      )}
      {mode === 'passphrase' ? (
        <PasswordInput size="md" label="Passphrase" autoFocus {...form.getInputProps('secret')} />
      ) : (
        <TextInput size="md" label="Recovery key" placeholder="XXXX-XXXX-…" autoComplete="off" {...form.getInputProps('secret')} />
      )}
    </>
  );
}

export function UnlockScreen({ notice, committee, onUnlocked }: { notice: string; committee: string | null; onUnlocked(): void }) {
  const keyholders = useKeyholders().data?.keyholders ?? [];
  const needsKeyholder = keyholders.length > 1;
  const form = useForm<UnlockFormValues>({
    initialValues: { mode: 'passphrase', keyholderId: null, secret: '' },
    validate: (values) => zodForm(unlockForm(needsKeyholder))(values),
  });
  const [secondsLeft, pausedFor, pause] = useLockout();
  const [busy, setBusy] = useState(false);

  const submit = async (v: UnlockFormValues) => {
    setBusy(true);
    const keyholderId = v.keyholderId ?? (keyholders.length === 1 ? keyholders[0]!.id : null);
    try {
      await unwrap(
        api().workbench.unlock(
          v.mode === 'recovery' ? { recoveryKey: v.secret } : { passphrase: v.secret, ...(keyholderId ? { keyholderId } : {}) },
        ),
      );
      form.setFieldValue('secret', '');
      onUnlocked();
    } catch (e) {
      const err = e as ApiError;
      form.setFieldError('secret', err.message);
      if (err.code === 'lockout' && typeof err.detail?.secondsLeft === 'number') pause(err.detail.secondsLeft);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="xl">
      <Paper withBorder p="xl" w={680}>
        <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
          <Stack gap="md">
            <Title order={1} size="h2">
              Unlock {committee ?? 'the workbench'}
            </Title>
            <Alert color="gray" variant="outline" title="System use notice">
              <Text size="md" data-testid="system-use-notice">
                {notice}
              </Text>
            </Alert>
            <SecretFields form={form} keyholders={keyholders} />
            {secondsLeft > 0 && (
              // Announced once, with how long to wait; the ticking clock is shown but not read out every second.
              <Alert color="red" role="alert" title="Unlocking paused">
                Too many attempts. Wait {waitWords(pausedFor)}, then try again.{' '}
                <span aria-hidden>
                  ({Math.floor(secondsLeft / 60)}:{String(secondsLeft % 60).padStart(2, '0')} left)
                </span>
              </Alert>
            )}
            <Button size="md" type="submit" loading={busy} disabled={secondsLeft > 0}>
              Unlock
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
