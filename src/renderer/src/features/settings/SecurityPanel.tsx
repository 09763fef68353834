import { Alert, Button, NumberInput, Stack, Switch, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../lib/api';

export function SecurityPanel() {
  const [minutes, setMinutes] = useState<number>(15);
  const [notice, setNotice] = useState('');
  const [names, setNames] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void unwrap(api().settings.get()).then((s) => {
      setMinutes(s.autoLockMinutes);
      setNotice(s.systemUseNotice);
      setNames(s.minutesNames);
    });
  }, []);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        unwrap(api().settings.update({ autoLockMinutes: minutes, systemUseNotice: notice, minutesNames: names }))
          .then(() => setMsg({ ok: true, text: 'Saved.' }))
          .catch((err: Error) => setMsg({ ok: false, text: err.message }));
      }}
    >
      <Stack maw={760}>
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
