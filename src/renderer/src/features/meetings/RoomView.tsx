/**
 * What the room sees: built only from the core's redacted projector view. Used by the
 * projector window and as the presenter's "on screen" panel, so both show the same thing.
 */
import { Badge, Box, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ProjectorView } from '../../../../shared/meetings/schemas';
import { FINDING_CATEGORY, FINDING_KIND } from '../../../../shared/meetings/values';
import { TIMELINE_ACTOR, TIMELINE_KIND } from '../../../../shared/incidents/values';
import { formatDuration } from '../../../../shared/incidents/timeline';
import classes from './RoomView.module.css';

export function RoomView({ view, compact = false }: { view: ProjectorView; compact?: boolean }) {
  const inc = view.incident;
  const step = inc?.steps[Math.min(view.state.step, Math.max(0, inc.steps.length - 1))];
  return (
    <Box className={classes.room} data-contrast={view.state.highContrast || undefined} data-compact={compact || undefined}>
      <Group justify="space-between" className={classes.top}>
        <Text className={classes.small}>{view.committee} · case review</Text>
        {view.item && (
          <Text className={classes.small}>
            Item {view.item.position} of {view.item.of}
          </Text>
        )}
      </Group>
      {!view.item && <Title className={classes.big}>Waiting for the next item…</Title>}
      {view.item && !inc && (
        <Stack>
          <Title className={classes.big}>{view.item.title}</Title>
          {view.carried.length > 0 && (
            <Stack gap="xs">
              {view.carried.map((c) => (
                <Text key={c.id} className={classes.medium}>
                  {c.code} · {c.action} · {c.owner} · due {c.dueDate}{' '}
                  {c.overdue && (
                    <Badge color="red.9" size="xl">
                      Overdue
                    </Badge>
                  )}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
      {inc && (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end">
            <Title className={classes.big}>Incident {inc.code}</Title>
            <Text className={classes.medium}>{inc.when}</Text>
          </Group>
          {step ? (
            <Box className={classes.step} data-decision={step.decisionPoint || undefined} aria-live="polite">
              <Group gap="md" align="baseline">
                <Text className={classes.stepTime}>{step.time}</Text>
                <Text className={classes.medium}>
                  {TIMELINE_ACTOR.label(step.actor)} · {TIMELINE_KIND.label(step.kind)}
                </Text>
                {step.decisionPoint && (
                  <Badge size="xl" color="grape.9" variant="filled">
                    Decision point
                  </Badge>
                )}
                {step.sincePrevious !== null && (
                  <Text className={classes.medium}>+{formatDuration(step.sincePrevious)} since the previous step</Text>
                )}
              </Group>
              <Text className={classes.stepText}>{step.description || '—'}</Text>
              <Text className={classes.small}>
                Step {Math.min(view.state.step, inc.steps.length - 1) + 1} of {inc.steps.length}
              </Text>
            </Box>
          ) : (
            <Text className={classes.medium}>{inc.summary || 'No timeline yet.'}</Text>
          )}
          {!compact && step && <Text className={classes.summary}>{inc.summary}</Text>}
          <SimpleGrid cols={compact ? 2 : 4} spacing="xs" className={classes.facts}>
            {inc.facts.map((f) => (
              <div key={f.label}>
                <Text className={classes.factLabel}>{f.label}</Text>
                <Text className={classes.factValue}>{f.value}</Text>
              </div>
            ))}
          </SimpleGrid>
          {inc.findings.length > 0 && (
            <Stack gap={4}>
              <Text className={classes.factLabel}>Findings so far</Text>
              {inc.findings.map((f, i) => (
                <Text key={i} className={classes.finding}>
                  <b>
                    {FINDING_KIND.label(f.kind)} · {FINDING_CATEGORY.label(f.category)}:
                  </b>{' '}
                  {f.description}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Box>
  );
}
