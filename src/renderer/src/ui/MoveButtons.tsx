/** Move up / move down for a row of an ordered list (timeline steps, agenda items), with the Alt+↑/↓ hint. */
import { ActionIcon, Tooltip } from '@mantine/core';

export function MoveButtons(p: { what: string; index: number; count: number; onMove(by: -1 | 1): void }) {
  return (
    <>
      <Tooltip label="Move up (Alt+↑)">
        <ActionIcon variant="default" size="lg" disabled={p.index === 0} onClick={() => p.onMove(-1)} aria-label={`Move ${p.what} up`}>
          ↑
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Move down (Alt+↓)">
        <ActionIcon
          variant="default"
          size="lg"
          disabled={p.index === p.count - 1}
          onClick={() => p.onMove(1)}
          aria-label={`Move ${p.what} down`}
        >
          ↓
        </ActionIcon>
      </Tooltip>
    </>
  );
}
