import { Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { setupForm, type SetupFormValues } from '../../../../shared/workbench/schemas';
import { api, unwrap } from '../../lib/api';
import { zodForm } from '../../lib/form';

/** First run form; the recovery key is shown by the caller (the lock event remounts screens). */
export function SetupScreen({ onCreated }: { onCreated(recoveryKey: string): void }) {
  const [busy, setBusy] = useState(false);
  const form = useForm<SetupFormValues>({
    initialValues: { committee: '', keyholder: '', passphrase: '', confirm: '' },
    validate: zodForm(setupForm),
  });

  return (
    <Center mih="100vh" p="xl">
      <Paper withBorder p="xl" w={640}>
        <form
          noValidate
          onSubmit={form.onSubmit(async (v) => {
            setBusy(true);
            try {
              const r = await unwrap(api().workbench.create({ committee: v.committee, keyholder: v.keyholder, passphrase: v.passphrase }));
              onCreated(r.recoveryKey);
            } catch (e) {
              form.setFieldError('passphrase', (e as Error).message);
            } finally {
              setBusy(false);
            }
          })}
        >
          <Stack gap="md">
            <Title order={1} size="h2">
              Set up Casewalk
            </Title>
            <Text>Casewalk keeps your committee’s case reviews in an encrypted workbench on this computer.</Text>
            <TextInput
              size="md"
              label="Committee name"
              placeholder="e.g. Riverside County CIT Case Review"
              {...form.getInputProps('committee')}
            />
            <TextInput size="md" label="Your name" description="You become the first keyholder." {...form.getInputProps('keyholder')} />
            <PasswordInput
              size="md"
              label="Passphrase"
              description="At least 12 characters; a few unrelated words are strong and easy to remember."
              {...form.getInputProps('passphrase')}
            />
            <PasswordInput size="md" label="Repeat the passphrase" {...form.getInputProps('confirm')} />
            <Button size="md" type="submit" loading={busy}>
              Create encrypted workbench
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
