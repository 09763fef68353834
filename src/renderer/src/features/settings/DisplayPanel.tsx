/** Dates and time zone: how the committee writes dates, and the zone its "today" is in. */
import { Alert, Button, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { z } from 'zod';
import type { MethodOutput } from '../../../../shared/contract';
import { DATE_STYLES, DATE_STYLE_NAMES, type DateStyle } from '../../../../shared/dates';
import { workbenchMethods } from '../../../../shared/workbench/schemas';
import { zodForm } from '../../lib/form';
import { formatDateTime, formatLongDate, todayIn } from '../../lib/format';
import { ErrorAlert } from '../../ui/FormActions';
import { useSettings, useUpdateSettings } from './queries';

const shape = workbenchMethods['settings.update'].input.shape;
const schema = z.object({
  dateStyle: shape.dateStyle.unwrap(),
  timeZone: z.string('Choose the committee’s time zone.').pipe(shape.timeZone.unwrap()),
});
type Values = { dateStyle: DateStyle; timeZone: string | null };

const STYLE_OPTIONS = DATE_STYLE_NAMES.map((s) => ({ value: s, label: DATE_STYLES[s].label }));
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function DisplayPanel() {
  const saved = useSettings();
  return (
    <Stack maw={760}>
      <ErrorAlert error={saved.error} title="Cannot show the settings" />
      {saved.data && <DisplayForm saved={saved.data} />}
    </Stack>
  );
}

function DisplayForm({ saved }: { saved: MethodOutput<'settings.get'> }) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [opened] = useState(() => Date.now());
  const update = useUpdateSettings().mutateAsync;
  const form = useForm<Values>({ initialValues: { dateStyle: saved.dateStyle, timeZone: saved.timeZone }, validate: zodForm(schema) });
  const zones = ZONES.includes(saved.timeZone) ? ZONES : [saved.timeZone, ...ZONES];
  const { dateStyle, timeZone } = form.getValues();
  const submit = (v: Values) => {
    setMsg(null);
    update({ dateStyle: v.dateStyle, timeZone: v.timeZone ?? undefined })
      // The pages start again in the new style (DisplaySettings), so the word comes as a notification.
      .then(() => notifications.show({ title: 'Dates & time zone saved', message: 'Dates now show in the new style.' }))
      .catch((err: Error) => setMsg({ ok: false, text: err.message }));
  };
  const example = timeZone ? `${formatLongDate(todayIn(timeZone), dateStyle)} · now ${formatDateTime(opened, timeZone, dateStyle)}` : '';
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        <Select
          label="Date style"
          description="How dates are shown and typed on every screen. Exported documents keep ISO dates, which read the same for every partner."
          data={STYLE_OPTIONS}
          allowDeselect={false}
          {...form.getInputProps('dateStyle')}
        />
        <Select
          label="Committee time zone"
          description="“Today”, due dates, overdue flags and approval dates are dates in this zone."
          data={zones}
          searchable
          nothingFoundMessage="No time zone by that name"
          allowDeselect={false}
          {...form.getInputProps('timeZone')}
        />
        {example && (
          <Text size="md" aria-live="polite">
            Example: {example}
          </Text>
        )}
        {msg && <Alert color={msg.ok ? 'teal' : 'red'}>{msg.text}</Alert>}
        <Button type="submit" w={200}>
          Save
        </Button>
      </Stack>
    </form>
  );
}
