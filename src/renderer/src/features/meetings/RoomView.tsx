/**
 * What the room sees: built only from the core's redacted projector view. Used by the
 * projector window and as the presenter's "on screen" panel, so both show the same thing.
 * On the projector the type scales with the window (RoomView.module.css); a long follow-up
 * pages (the walk's step is the page) and an incident shows its latest findings only.
 */
import { Badge, Box, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ProjectorView } from '../../../../shared/meetings/schemas';
import { CARRIED_PER_PAGE, FINDING_CATEGORY, FINDING_KIND } from '../../../../shared/meetings/values';
import { TIMELINE_ACTOR, TIMELINE_KIND } from '../../../../shared/incidents/values';
import { formatDuration } from '../../../../shared/incidents/timeline';
import { formatLongDate } from '../../lib/format';
import classes from './RoomView.module.css';

type Incident = NonNullable<ProjectorView['incident']>;
/** The room sees the latest findings; older ones are counted. */
const FINDINGS_SHOWN = 4;

export function RoomView({ view, compact = false }: { view: ProjectorView; compact?: boolean }) {
  return (
    <Box className={classes.room} data-contrast={view.state.highContrast || undefined} data-compact={compact || undefined}>
      <Group justify="space-between" className={classes.top} wrap="nowrap">
        <Text className={classes.small}>{view.committee} · case review</Text>
        {view.item && (
          <Text className={classes.small}>
            Item {view.item.position} of {view.item.of}
          </Text>
        )}
      </Group>
      {!view.item && <Title className={classes.big}>Waiting for the next item…</Title>}
      {view.welcome && <WelcomeView view={view} welcome={view.welcome} />}
      {view.item && !view.incident && !view.welcome && <ItemView view={view} />}
      {view.incident && <IncidentView incident={view.incident} step={view.state.step} compact={compact} />}
    </Box>
  );
}

function WelcomeView({ view, welcome }: { view: ProjectorView; welcome: NonNullable<ProjectorView['welcome']> }) {
  return (
    <Stack gap="lg" className={classes.fill}>
      <Title className={classes.big}>Welcome to the {view.committee}</Title>
      <Text className={classes.medium}>
        <span className={classes.nowrap}>{formatLongDate(welcome.date)}</span> · <span className={classes.nowrap}>{welcome.time}</span>
      </Text>
      <div>
        <Text className={classes.factLabel}>Why we meet</Text>
        <Text className={classes.medium}>{welcome.purpose}</Text>
      </div>
      <Box className={classes.step}>
        <Text className={classes.factLabel}>Confidentiality statement</Text>
        <Text className={classes.statement}>{welcome.statement}</Text>
        <Text className={classes.small}>
          Signed by {welcome.signed} of {welcome.inRoom} {welcome.inRoom === 1 ? 'person' : 'people'} in the room
        </Text>
      </Box>
    </Stack>
  );
}

/** An item without a case: its title, and on the follow-up the carried recommendations of this page. */
function ItemView({ view }: { view: ProjectorView }) {
  const item = view.item!;
  return (
    <Stack className={classes.fill}>
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Title className={classes.big}>{item.title}</Title>
        {view.page && (
          <Text className={classes.medium} aria-live="polite">
            <span className={classes.nowrap}>
              page {view.page.index + 1} of {view.page.of}
            </span>
          </Text>
        )}
      </Group>
      {item.kind === 'follow_up' && view.carried.length === 0 && (
        <Text className={classes.medium}>No open recommendations are due before the next meeting.</Text>
      )}
      {view.carried.length > 0 && (
        <Stack gap="sm" component="ul" className={classes.list}>
          {view.carried.map((c) => (
            <li key={c.id} className={classes.carried}>
              <Text className={classes.medium}>
                <b>{c.code}</b> · {c.action}
              </Text>
              <Text className={classes.medium}>
                {c.owner} · <span className={classes.nowrap}>due {c.dueDate}</span>{' '}
                {c.overdue && (
                  <Badge color="red.9" className={classes.badge}>
                    Overdue
                  </Badge>
                )}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {view.page && (
        <Text className={`${classes.small} ${classes.foot}`}>
          Recommendations {view.page.index * CARRIED_PER_PAGE + 1}–{view.page.index * CARRIED_PER_PAGE + view.carried.length} of{' '}
          {view.page.total}
        </Text>
      )}
    </Stack>
  );
}

function IncidentView({ incident: inc, step: at, compact }: { incident: Incident; step: number; compact: boolean }) {
  const index = Math.min(at, Math.max(0, inc.steps.length - 1));
  const step = inc.steps[index];
  const shown = inc.findings.slice(-FINDINGS_SHOWN);
  return (
    <Stack gap="md" className={classes.fill}>
      <Group justify="space-between" align="flex-end" wrap="nowrap">
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
              <Badge color="grape.9" variant="filled" className={classes.badge}>
                Decision point
              </Badge>
            )}
            {step.sincePrevious !== null && (
              <Text className={classes.medium}>+{formatDuration(step.sincePrevious)} since the previous step</Text>
            )}
          </Group>
          <Text className={classes.stepText}>{step.description || '—'}</Text>
          <Text className={classes.small}>
            Step {index + 1} of {inc.steps.length}
          </Text>
        </Box>
      ) : (
        <Text className={classes.medium}>{inc.summary || 'No timeline yet.'}</Text>
      )}
      {!compact && step && (
        <Text className={classes.summary} lineClamp={3}>
          {inc.summary}
        </Text>
      )}
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
          <Text className={classes.factLabel}>
            Findings so far{inc.findings.length > shown.length ? ` (latest ${shown.length} of ${inc.findings.length})` : ''}
          </Text>
          {shown.map((f) => (
            <Text key={f.id} className={classes.finding} lineClamp={2}>
              <b>
                {FINDING_KIND.label(f.kind)} · {FINDING_CATEGORY.label(f.category)}:
              </b>{' '}
              {f.description}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
