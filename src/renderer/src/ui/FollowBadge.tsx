/**
 * What a recommendation's follow-through owes, as a badge, the same everywhere (register, its
 * page, the agenda, Home): overdue and response overdue in red, an effect check due in violet.
 */
import { Badge, type BadgeProps } from '@mantine/core';
import { formatDate } from '../lib/format';

const LOOK = {
  overdue: { color: 'red.9', variant: 'filled', text: 'Overdue' },
  responseOverdue: { color: 'red.9', variant: 'outline', text: 'Response overdue' },
  effectCheckDue: { color: 'violet.9', variant: 'outline', text: 'Effect check due' },
} as const;

export function FollowBadge({ kind, date, ...rest }: { kind: keyof typeof LOOK; date?: string } & Omit<BadgeProps, 'color' | 'variant'>) {
  const l = LOOK[kind];
  return (
    <Badge color={l.color} variant={l.variant} {...rest}>
      {l.text}
      {date ? ` ${formatDate(date)}` : ''}
    </Badge>
  );
}
