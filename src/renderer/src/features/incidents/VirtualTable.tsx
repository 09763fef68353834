/**
 * A windowed table for very long lists: only the visible rows (plus a margin) are in the DOM,
 * rows are fetched a page at a time as they scroll into view, and ↑/↓/Home/End/PageUp/PageDown
 * move focus row by row. Semantics stay a table (aria-rowcount/aria-rowindex) for screen readers.
 * A cell too narrow for its text ends in "…"; the full text shows on hover (a tooltip) and when
 * the row has keyboard focus (the row opens to show every cell whole).
 */
import { Box, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useWindowedRows } from './useWindowedRows';
import classes from './VirtualTable.module.css';

export interface Column<R> {
  key: string;
  label: string;
  width: string;
  sortable?: boolean;
  render(row: R): ReactNode;
}

export interface VirtualTableProps<R> {
  label: string;
  columns: Column<R>[];
  total: number;
  rowHeight?: number;
  /** Returns rows [offset, offset + limit). */
  fetchPage(offset: number, limit: number): Promise<R[]>;
  /** Changes whenever the query changes: clears the cache. */
  queryKey: string;
  sort: { by: string; dir: 'asc' | 'desc' };
  onSort(by: string): void;
  onOpen(row: R): void;
  rowKey(row: R): string | number;
  /** A fixed height, or (by default) down to the bottom of the window. */
  height?: number | string;
}

/** A text cell: one line ending in "…" when clipped, the whole text in a tooltip and on focus. */
export function Clipped({ text, dimmed }: { text: string; dimmed?: boolean }) {
  return (
    <Tooltip label={text} openDelay={300} multiline maw={420} withinPortal>
      <span className={classes.clip} {...(dimmed ? { 'data-dimmed': true } : {})}>
        {text}
      </span>
    </Tooltip>
  );
}

export function VirtualTable<R>(props: VirtualTableProps<R>) {
  const { columns, total, rowHeight = 56 } = props;
  const { scroller, ...w } = useWindowedRows({ total, rowHeight, fetchPage: props.fetchPage, queryKey: props.queryKey });

  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      PageDown: i + w.perPage,
      PageUp: i - w.perPage,
      Home: 0,
      End: total - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      w.focusRow(moves[e.key]!);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const r = w.rowAt(i);
      if (r) {
        e.preventDefault();
        props.onOpen(r);
      }
    }
  };

  const template = columns.map((c) => c.width).join(' ');
  const rows: ReactNode[] = [];
  for (let i = w.first; i <= w.last; i++) {
    const r = w.rowAt(i);
    rows.push(
      <div
        key={r ? props.rowKey(r) : `loading-${i}`}
        role="row"
        aria-rowindex={i + 2}
        data-row-index={i}
        tabIndex={w.focusIndex === i || (w.focusIndex === null && i === w.first) ? 0 : -1}
        className={classes.row}
        style={{ top: i * rowHeight, '--row-h': `${rowHeight}px`, gridTemplateColumns: template } as CSSProperties}
        onKeyDown={(e) => onKeyDown(e, i)}
        onFocus={() => w.focusIndex !== i && w.setFocusIndex(i)}
        onClick={() => r && props.onOpen(r)}
        aria-label={r ? undefined : 'Loading'}
      >
        {columns.map((c) => (
          <div role="cell" key={c.key} className={classes.cell}>
            {r ? c.render(r) : <span className={classes.placeholder} />}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <Box className={classes.table} role="table" aria-label={props.label} aria-rowcount={total + 1}>
      <HeaderRow columns={columns} template={template} sort={props.sort} onSort={props.onSort} />
      <div role="rowgroup" ref={scroller} className={classes.body} style={{ height: props.height ?? w.fillHeight }} onScroll={w.onScroll}>
        <div style={{ height: total * rowHeight, position: 'relative' }}>{rows}</div>
        {/* A row of its own: a row group with no row is not a table a screen reader can read. */}
        {total === 0 && (
          <div role="row">
            <Text role="cell" p="lg" c="dimmed">
              No incidents match.
            </Text>
          </div>
        )}
      </div>
    </Box>
  );
}

function HeaderRow<R>(p: { columns: Column<R>[]; template: string; sort: VirtualTableProps<R>['sort']; onSort(by: string): void }) {
  return (
    <div role="rowgroup">
      <div role="row" aria-rowindex={1} className={classes.header} style={{ gridTemplateColumns: p.template }}>
        {p.columns.map((c) => {
          const sorted = p.sort.by === c.key;
          return (
            <div
              role="columnheader"
              key={c.key}
              className={classes.cell}
              aria-sort={sorted ? (p.sort.dir === 'asc' ? 'ascending' : 'descending') : c.sortable ? 'none' : undefined}
            >
              {c.sortable ? (
                <UnstyledButton className={classes.sortButton} onClick={() => p.onSort(c.key)}>
                  {c.label}
                  <span aria-hidden> {sorted ? (p.sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                </UnstyledButton>
              ) : (
                <span className={classes.clip} title={c.label}>
                  {c.label}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
