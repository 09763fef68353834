/** An action's RCA² strength, as a badge. */
import { Badge } from '@mantine/core';
import { ACTION_STRENGTH, STRENGTH, type ActionType } from '../../../../shared/meetings/values';

const STRENGTH_COLOR = { stronger: 'teal.9', intermediate: 'blue.9', weaker: 'orange.4' } as const;

export function StrengthBadge({ type, short = false }: { type: ActionType; short?: boolean }) {
  const s = ACTION_STRENGTH[type];
  return (
    <Badge color={STRENGTH_COLOR[s]} variant="filled" size="lg" autoContrast style={{ flexShrink: 0 }}>
      {STRENGTH.label(s)}
      {short ? '' : ' action'}
    </Badge>
  );
}
