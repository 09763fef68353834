import { Alert, Button, NumberInput, Stack, Switch, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/FormActions';
import { useSettings, useUpdateSettings } from './queries';

export function SecurityPanel() {
  const [minutes, setMinutes] = useState<number>(15);
  const [notice, setNotice] = useState('');
  const [names, setNames] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const saved = useSettings();
  const update = useUpdateSettings().mutateAsync;
  // The saved settings arrived: the form starts from them.
  const [loaded, setLoaded] = useState<typeof saved.data>(undefined);
  if (saved.data && saved.data !== loaded) {
    setLoaded(saved.data);
    setMinutes(saved.data.autoLockMinutes);
    setNotice(saved.data.systemUseNotice);
    setNames(saved.data.minutesNames);
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        update({ autoLockMinutes: minutes, systemUseNotice: notice, minutesNames: names })
          .then(() => setMsg({ ok: true, text: 'Saved.' }))
          .catch((err: Error) => setMsg({ ok: false, text: err.message }));
      }}
    >
      <Stack maw={760}>
        <ErrorAlert error={saved.error} title="Cannot show the settings" />
        <NumberInput label="Lock after this many minutes without activity" min={1} max={30} value={minutes} onChange={(v) => setMinutes(Number(v))} />
        <Textarea label="System use notice shown before unlocking" autosize minRows={3} value={notice} onChange={(e) => setNotice(e.currentTarget.value)} />
        <Switch size="md" label="Minutes list attendees by name (off: by sector only)" checked={names} onChange={(e) => setNames(e.currentTarget.checked)} />
        {msg && <Alert color={msg.ok ? 'teal' : 'red'}>{msg.text}</Alert>}
        <Button type="submit" w={200}>
          Save
        </Button>
      </Stack>
    </form>
  );
}
