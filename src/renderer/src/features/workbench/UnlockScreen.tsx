import { Alert, Button, Center, Paper, PasswordInput, Select, Stack, Text, TextInput, Title, SegmentedControl } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type ApiError, api, unwrap } from '../../lib/api';
import { useKeyholders } from './queries';

/** Unlock: the system-use notice, who you are, then passphrase or recovery key. */
export function UnlockScreen({ notice, committee, onUnlocked }: { notice: string; committee: string | null; onUnlocked(): void }) {
  const keyholders = useKeyholders().data?.keyholders ?? [];
  const [chosenKeyholder, setKeyholderId] = useState<string | null>(null);
  const keyholderId = chosenKeyholder ?? (keyholders.length === 1 ? keyholders[0]!.id : null);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!lockedUntil) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [lockedUntil]);
  const secondsLeft = lockedUntil ? Math.max(0, Math.ceil((lockedUntil - now) / 1000)) : 0;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api().workbench.unlock(
          mode === 'recovery' ? { recoveryKey: secret } : { passphrase: secret, ...(keyholderId ? { keyholderId } : {}) },
        ),
      );
      setSecret('');
      onUnlocked();
    } catch (e) {
      const err = e as ApiError;
      setError(err.message);
      if (err.code === 'lockout' && typeof err.detail?.secondsLeft === 'number') setLockedUntil(Date.now() + err.detail.secondsLeft * 1000);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="xl">
      <Paper withBorder p="xl" w={680}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <Title order={1} size="h2">
              Unlock {committee ?? 'the workbench'}
            </Title>
            <Alert color="gray" variant="outline" title="System use notice">
              <Text size="md" data-testid="system-use-notice">
                {notice}
              </Text>
            </Alert>
            <SegmentedControl
              value={mode}
              onChange={(v) => {
                setMode(v as 'passphrase' | 'recovery');
                setSecret('');
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
                value={keyholderId}
                onChange={setKeyholderId}
              />
            )}
            {mode === 'passphrase' ? (
              <PasswordInput size="md" label="Passphrase" value={secret} onChange={(e) => setSecret(e.currentTarget.value)} autoFocus />
            ) : (
              <TextInput
                size="md"
                label="Recovery key"
                placeholder="XXXX-XXXX-…"
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                autoComplete="off"
              />
            )}
            {error && (
              <Alert
                color="red"
                role="alert"
                title={
                  secondsLeft > 0
                    ? `Unlocking paused: ${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, '0')} left`
                    : 'Not unlocked'
                }
              >
                {error}
              </Alert>
            )}
            <Button
              size="md"
              type="submit"
              loading={busy}
              disabled={!secret || secondsLeft > 0 || (mode === 'passphrase' && keyholders.length > 1 && !keyholderId)}
            >
              Unlock
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
