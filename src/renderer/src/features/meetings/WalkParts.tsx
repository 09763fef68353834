/** The walk-through's pieces: the header with the timer and the item's actions, the numbered agenda, the key legend, the presenter's lists. */
import { Badge, Button, Group, Kbd, Paper, ScrollArea, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AgendaItem, Finding, ProjectorView, Recommendation } from '../../../../shared/meetings/schemas';
import { FINDING_CATEGORY, FINDING_KIND } from '../../../../shared/meetings/values';
import classes from './WalkPage.module.css';
import { formatDate } from '../../lib/format';

function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

export function WalkHeader(p: {
  item: AgendaItem;
  index: number;
  count: number;
  contrast: boolean;
  onContrast(v: boolean): void;
  onProjector(): void;
  onLeave(): void;
}) {
  const now = useNow();
  const started = p.item.startedAt ? Date.parse(p.item.startedAt) : now;
  const elapsed = Math.max(0, Math.floor((now - started) / 1000));
  const overBy = elapsed - p.item.minutes * 60;
  return (
    <header className={classes.bar}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="md" wrap="nowrap">
          <Title order={1} size="h3">
            Walk-through
          </Title>
          <Text c="dimmed">
            Item {p.index + 1} of {p.count}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text
            fw={700}
            size="lg"
            className={overBy > 0 ? classes.over : undefined}
            aria-label={`Item time ${mmss(elapsed)} of ${p.item.minutes} minutes`}
          >
            Time {mmss(elapsed)} / {p.item.minutes}:00 {overBy > 0 && `(+${mmss(overBy)})`}
          </Text>
          <Switch size="md" label="High contrast (H)" checked={p.contrast} onChange={(e) => p.onContrast(e.currentTarget.checked)} />
          <Button variant="default" onClick={p.onProjector}>
            Open projector window
          </Button>
          <Button variant="default" onClick={p.onLeave}>
            Leave (Esc)
          </Button>
        </Group>
      </Group>
    </header>
  );
}

export function AgendaNav({ items, current, onGo }: { items: AgendaItem[]; current: number; onGo(i: number): void }) {
  return (
    <nav aria-label="Agenda" className={classes.agenda}>
      <ScrollArea className={classes.scroll} type="auto">
        <Stack gap={2}>
          {items.map((it, i) => (
            <Button
              key={it.id}
              variant={i === current ? 'filled' : 'subtle'}
              justify="flex-start"
              onClick={() => onGo(i)}
              aria-current={i === current ? 'step' : undefined}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              h="auto"
              py={6}
            >
              {i + 1}. {it.title} {it.completed ? '✓' : ''}
            </Button>
          ))}
        </Stack>
      </ScrollArea>
    </nav>
  );
}

export function KeyLegend() {
  const rows: [React.ReactNode, string][] = [
    [
      <>
        <Kbd>←</Kbd> <Kbd>→</Kbd> <Kbd>Space</Kbd>
      </>,
      'step or page',
    ],
    [
      <>
        <Kbd>1</Kbd>–<Kbd>9</Kbd>
      </>,
      'agenda item (9: last)',
    ],
    [
      <>
        <Kbd>PgUp</Kbd> <Kbd>PgDn</Kbd>
      </>,
      'previous / next item',
    ],
    [<Kbd key="f">F</Kbd>, 'add a finding'],
    [<Kbd key="e">E</Kbd>, 'edit the latest finding'],
    [<Kbd key="r">R</Kbd>, 'edit the latest recommendation'],
    [<Kbd key="h">H</Kbd>, 'high contrast'],
    [<Kbd key="l">Ctrl+L</Kbd>, 'lock (room: “Paused”)'],
    [<Kbd key="esc">Esc</Kbd>, 'leave'],
  ];
  return (
    <dl className={classes.legend} aria-label="Keyboard shortcuts">
      {rows.map(([keys, what]) => (
        <div key={what}>
          <dt>{keys}</dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The incident's findings, each as the room sees it (from projector.view), with Edit. */
export function WalkFindings(p: { findings: Finding[]; view: ProjectorView | null; onEdit(id: number): void; onRecommend(): void }) {
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Findings ({p.findings.length})
          </Title>
          <Button size="compact-md" variant="default" disabled={!p.findings.length} onClick={p.onRecommend}>
            Recommendation…
          </Button>
        </Group>
        {p.findings.map((f) => {
          // Exactly the words the room sees (from projector.view), never the typed text alone.
          const room = p.view?.incident?.findings.find((x) => x.id === f.id)?.description;
          return (
            <Group key={f.id} gap={6} wrap="nowrap" align="flex-start" justify="space-between">
              <Text size="md">
                <Badge color={f.kind === 'gap' ? 'red.9' : 'teal.9'} mr={6}>
                  {FINDING_KIND.label(f.kind)}
                </Badge>
                <b>{FINDING_CATEGORY.label(f.category)}:</b> {room ?? '…'}{' '}
                {f.recommendationIds.length > 0 && <Badge variant="outline">→ recommendation</Badge>}
                {room !== undefined && room !== f.description && (
                  <Badge
                    color="orange.9"
                    variant="light"
                    ml={6}
                    title="Some words are replaced on the shared screen. Edit the finding to change them or mark them as not an identifier."
                  >
                    Redacted for the room
                  </Badge>
                )}
              </Text>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => p.onEdit(f.id)}
                aria-label={`Edit finding: ${f.description.slice(0, 60)}`}
                style={{ flexShrink: 0 }}
              >
                Edit
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}

export function WalkRecommendations({ recs, onEdit }: { recs: Recommendation[]; onEdit(id: number): void }) {
  if (!recs.length) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={3} size="h4">
          Recommendations ({recs.length})
        </Title>
        {recs.map((r) => (
          <Group key={r.id} gap={6} wrap="nowrap" align="flex-start" justify="space-between">
            <Text size="md">
              <b>{r.code}:</b> {r.action} · {r.owner.name} · <span style={{ whiteSpace: 'nowrap' }}>due {formatDate(r.dueDate)}</span>
            </Text>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => onEdit(r.id)}
              aria-label={`Edit recommendation ${r.code}`}
              style={{ flexShrink: 0 }}
            >
              Edit
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
