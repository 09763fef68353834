import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import classes from './RecoveryKeyPanel.module.css';

/** Shown once after creation or key rotation: the recovery key, print, and "I have stored it". */
export function RecoveryKeyPanel({
  recoveryKey,
  onStored,
  title = 'Your recovery key',
}: {
  recoveryKey: string;
  onStored(): void;
  title?: string;
}) {
  const [stored, setStored] = useState(false);
  return (
    <Paper withBorder p="xl" maw={820} className={classes.sheet}>
      <Stack gap="md">
        <Title order={2}>{title}</Title>
        <Text>
          This key opens the workbench if every passphrase is lost. It is shown only now. Print it or write it down and keep it somewhere
          locked, apart from this computer.
        </Text>
        <Text
          component="p"
          ff="monospace"
          fz={26}
          ta="center"
          p="md"
          bg="var(--mantine-color-default-hover)"
          aria-label="Recovery key"
          data-testid="recovery-key"
          style={{ letterSpacing: 2, borderRadius: 8 }}
        >
          {/* Lines break only between groups, so no group is split when someone copies it down. */}
          {recoveryKey.split('-').map((group, i, all) => (
            <span key={i}>
              <span style={{ whiteSpace: 'nowrap' }}>{i < all.length - 1 ? `${group}-` : group}</span>
              <wbr />
            </span>
          ))}
        </Text>
        <Alert
          color="yellow"
          title="Anyone with this key can read the workbench"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          Do not email it, photograph it or save it on a shared drive.
        </Alert>
        <Group className={classes.noPrint}>
          <Button variant="default" onClick={() => window.print()}>
            Print recovery key
          </Button>
        </Group>
        <Checkbox
          className={classes.noPrint}
          size="md"
          label="I have stored the recovery key somewhere safe"
          checked={stored}
          onChange={(e) => setStored(e.currentTarget.checked)}
        />
        <Group className={classes.noPrint}>
          <Button size="md" disabled={!stored} onClick={onStored}>
            Continue
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
