/**
 * Import a CSV in four visible steps: choose the file → map columns (a preset or your own) →
 * dry run (counts, repeats, row errors, unmapped values you can map on the spot) → import, all
 * or nothing, as one batch that can be shown and undone. State: ImportWizardState.ts.
 */
import { Button, Group, Paper, Progress, Stack, Stepper, Text, Title } from '@mantine/core';
import { navigate, paths } from '../../lib/routes';
import { ErrorAlert } from '../../ui/FormActions';
import { DoneStep } from './ImportWizardDone';
import { DryRunStep } from './ImportWizardDryRun';
import { MappingStep } from './ImportWizardMapping';
import { useImportWizard, type Wizard } from './ImportWizardState';

function FileStep({ w }: { w: Wizard }) {
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Text>
          Casewalk reads the file on this computer only. Nothing is written until you confirm the import, and then either every valid row is
          imported or none is. Text columns are checked by the identifier guard; rows with possible identifiers arrive as drafts.
        </Text>
        <Group>
          <Button onClick={() => void w.choose()} loading={w.busy}>
            Choose CSV file…
          </Button>
        </Group>
        {w.progress?.stage === 'reading' && w.busy && (
          <Progress value={(w.progress.done / Math.max(1, w.progress.total)) * 100} size="lg" aria-label="Reading the file" />
        )}
      </Stack>
    </Paper>
  );
}

export function ImportWizard({ onCancel }: { onDone(): void; onCancel(): void }) {
  const w = useImportWizard();
  const { step } = w;
  return (
    <Stack gap="lg" pb="xl">
      <Group justify="space-between">
        <Title order={2}>Import incidents from CSV</Title>
        <Button variant="default" onClick={onCancel}>
          Back to incidents
        </Button>
      </Group>
      <Stepper
        active={step === 3 ? 4 : step}
        size="md"
        allowNextStepsSelect={false}
        onStepClick={(s) => s < step && step < 3 && w.setStep(s)}
      >
        <Stepper.Step label="File" description="Choose a CSV" />
        <Stepper.Step label="Mapping" description="Columns and values" />
        <Stepper.Step label="Dry run" description="Check before writing" />
        <Stepper.Step label="Done" description="All or nothing" />
      </Stepper>
      <ErrorAlert error={w.error} />
      {step === 0 && <FileStep w={w} />}
      {step === 1 && <MappingStep w={w} />}
      {step === 2 && <DryRunStep w={w} />}
      {step === 3 && w.result && <DoneStep result={w.result} onUndone={() => navigate(paths.incidents())} />}
    </Stack>
  );
}
