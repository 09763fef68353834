/**
 * The windowing behind VirtualTable: which rows are on screen (plus a margin), their pages
 * fetched as they scroll into view, the row that has focus, and a body as tall as the window
 * leaves room for.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

const PAGE = 100;
const OVERSCAN = 8;

export function useWindowedRows<R>(p: {
  total: number;
  rowHeight: number;
  fetchPage(offset: number, limit: number): Promise<R[]>;
  queryKey: string;
}) {
  const { total, rowHeight, fetchPage, queryKey } = p;
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
    for (let pg = Math.floor(first / PAGE); pg <= Math.floor(Math.max(first, last) / PAGE); pg++) {
      if (pages.has(pg) || loading.current.has(pg)) continue;
      loading.current.add(pg);
      void fetchPage(pg * PAGE, PAGE).then((rows) => {
        if (gen !== generation.current) return;
        loading.current.delete(pg);
        setPages((m) => new Map(m).set(pg, rows));
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

  const onScroll = (e: React.UIEvent<HTMLDivElement>) =>
    setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight });
  const perPage = Math.max(1, Math.floor(viewport.height / rowHeight) - 1);
  return { scroller, first, last, rowAt, focusIndex, setFocusIndex, focusRow, onScroll, perPage, fillHeight: useFillHeight(scroller) };
}

/**
 * The height that takes the body to the bottom of the window (when the page is scrolled to the
 * top), at least `min`: the list shows as many rows as the screen has room for.
 */
function useFillHeight(ref: React.RefObject<HTMLElement | null>, min = 280, gap = 16): number {
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - gap)));
    };
    update();
    // The filters above can wrap onto more lines: the page's own size changes then.
    const ro = new ResizeObserver(update);
    ro.observe(document.body);
    window.addEventListener('resize', update);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [ref, min, gap]);
  return height;
}
