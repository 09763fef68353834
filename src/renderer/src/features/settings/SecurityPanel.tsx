import { Alert, Button, NumberInput, Stack, Switch, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { z } from 'zod';
import type { MethodOutput } from '../../../../shared/contract';
import { workbenchMethods } from '../../../../shared/workbench/schemas';
import { zodForm } from '../../lib/form';
import { ErrorAlert } from '../../ui/FormActions';
import { useSettings, useUpdateSettings } from './queries';

// The contract's checks (src/shared); a cleared number is asked for in words.
const shape = workbenchMethods['settings.update'].input.shape;
const schema = z.object({
  autoLockMinutes: z.number('Give the number of minutes.').pipe(shape.autoLockMinutes.unwrap()),
  systemUseNotice: shape.systemUseNotice,
  minutesNames: z.boolean(),
});
type Values = { autoLockMinutes: number | string; systemUseNotice: string; minutesNames: boolean };

export function SecurityPanel() {
  const saved = useSettings();
  return (
    <Stack maw={760}>
      <ErrorAlert error={saved.error} title="Cannot show the settings" />
      {/* The form starts from the saved settings once they have arrived. */}
      {saved.data && <SecurityForm saved={saved.data} />}
    </Stack>
  );
}

function SecurityForm({ saved }: { saved: MethodOutput<'settings.get'> }) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const update = useUpdateSettings().mutateAsync;
  const form = useForm<Values>({
    initialValues: { autoLockMinutes: saved.autoLockMinutes, systemUseNotice: saved.systemUseNotice, minutesNames: saved.minutesNames },
    validate: zodForm(schema),
  });
  const submit = (v: Values) => {
    setMsg(null);
    update({ autoLockMinutes: Number(v.autoLockMinutes), systemUseNotice: v.systemUseNotice, minutesNames: v.minutesNames })
      .then(() => setMsg({ ok: true, text: 'Saved.' }))
      .catch((err: Error) => setMsg({ ok: false, text: err.message }));
  };
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <NumberInput label="Lock after this many minutes without activity" min={1} max={30} {...form.getInputProps('autoLockMinutes')} />
        <Textarea label="System use notice shown before unlocking" autosize minRows={3} {...form.getInputProps('systemUseNotice')} />
        <Switch
          size="md"
          label="Minutes list attendees by name (off: by sector only)"
          {...form.getInputProps('minutesNames', { type: 'checkbox' })}
        />
        {msg && <Alert color={msg.ok ? 'teal' : 'red'}>{msg.text}</Alert>}
        <Button type="submit" w={200}>
          Save
        </Button>
      </Stack>
    </form>
  );
}
