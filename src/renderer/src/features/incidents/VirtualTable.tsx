/**
 * A windowed table for very long lists: only the visible rows (plus a margin) are in the DOM,
 * rows are fetched a page at a time as they scroll into view, and ↑/↓/Home/End/PageUp/PageDown
 * move focus row by row. Semantics stay a table (aria-rowcount/aria-rowindex) for screen readers.
 */
import { Box, Text, UnstyledButton } from '@mantine/core';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
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
  height: number | string;
}

const PAGE = 100;
const OVERSCAN = 8;

export function VirtualTable<R>(props: VirtualTableProps<R>) {
  const { columns, total, fetchPage, queryKey, rowHeight = 60 } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 600 });
  const [pages, setPages] = useState<Map<number, R[]>>(new Map());
  const loading = useRef(new Set<number>());
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const generation = useRef(0);

  // A new query starts from an empty cache at the top (state reset while rendering, the
  // pending fetches of the old query ignored and the scroll reset once it is on screen).
  const [pagesFor, setPagesFor] = useState(queryKey);
  if (pagesFor !== queryKey) {
    setPagesFor(queryKey);
    setPages(new Map());
    setFocusIndex(null);
  }
  useEffect(() => {
    generation.current++;
    loading.current.clear();
    scroller.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setViewport({ top: el.scrollTop, height: el.clientHeight });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - OVERSCAN);
  const last = Math.min(total - 1, Math.ceil((viewport.top + viewport.height) / rowHeight) + OVERSCAN);

  useEffect(() => {
    if (total === 0) return;
    const gen = generation.current;
    for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.max(first, last) / PAGE); p++) {
      if (pages.has(p) || loading.current.has(p)) continue;
      loading.current.add(p);
      void fetchPage(p * PAGE, PAGE).then((rows) => {
        if (gen !== generation.current) return;
        loading.current.delete(p);
        setPages((m) => new Map(m).set(p, rows));
      });
    }
  }, [first, last, total, pages, fetchPage, queryKey]);

  const rowAt = useCallback((i: number): R | undefined => pages.get(Math.floor(i / PAGE))?.[i % PAGE], [pages]);

  const focusRow = (i: number) => {
    const clamped = Math.max(0, Math.min(total - 1, i));
    setFocusIndex(clamped);
    const el = scroller.current;
    if (!el) return;
    const top = clamped * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  };
  useEffect(() => {
    if (focusIndex === null) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${focusIndex}"]`);
    el?.focus({ preventScroll: true });
  }, [focusIndex, pages, first]);

  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const per = Math.max(1, Math.floor(viewport.height / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, PageDown: i + per, PageUp: i - per, Home: 0, End: total - 1 };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(moves[e.key]!);
    } else if (e.key === 'Enter' || e.key === ' ') {
      const r = rowAt(i);
      if (r) {
        e.preventDefault();
        props.onOpen(r);
      }
    }
  };

  const template = columns.map((c) => c.width).join(' ');
  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    const r = rowAt(i);
    rows.push(
      <div
        key={r ? props.rowKey(r) : `loading-${i}`}
        role="row"
        aria-rowindex={i + 2}
        data-row-index={i}
        tabIndex={focusIndex === i || (focusIndex === null && i === first) ? 0 : -1}
        className={classes.row}
        style={{ top: i * rowHeight, height: rowHeight, gridTemplateColumns: template }}
        onKeyDown={(e) => onKeyDown(e, i)}
        onFocus={() => focusIndex !== i && setFocusIndex(i)}
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
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={classes.header} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => {
            const sorted = props.sort.by === c.key;
            return (
              <div
                role="columnheader"
                key={c.key}
                className={classes.cell}
                aria-sort={sorted ? (props.sort.dir === 'asc' ? 'ascending' : 'descending') : c.sortable ? 'none' : undefined}
              >
                {c.sortable ? (
                  <UnstyledButton className={classes.sortButton} onClick={() => props.onSort(c.key)}>
                    {c.label}
                    <span aria-hidden> {sorted ? (props.sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                  </UnstyledButton>
                ) : (
                  c.label
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div
        role="rowgroup"
        ref={scroller}
        className={classes.body}
        style={{ height: props.height }}
        onScroll={(e) => setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
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
