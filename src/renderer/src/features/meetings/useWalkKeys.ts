/**
 * The presenter's keys in walk mode, as the legend lists them: ←/→ or Space step (on the
 * follow-up: page); 1–9 agenda item of that number (9: the last one when there are fewer);
 * PgUp/PgDn previous/next item; F "Add a finding"; E edit the latest finding; R the latest
 * recommendation; H high contrast;
 * Esc leave. Keys typed into a field, or with Ctrl/Alt/Meta, are left alone.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

/** Keys typed into a text field are the field's; a switch or a checkbox takes only Space (see `pressing`). */
function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  if (t.tagName === 'INPUT') return !/^(?:checkbox|radio|button|submit|reset|range)$/.test((t as HTMLInputElement).type);
  return t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable;
}
/** Space (and Enter) on a focused button, link, switch or checkbox presses it; they are not the walk's. */
function pressing(e: KeyboardEvent): boolean {
  const t = e.target as Element | null;
  return (
    (e.key === ' ' || e.key === 'Enter') &&
    !!t?.closest?.(
      'button, a[href], input[type="checkbox"], input[type="radio"], [role="button"], [role="tab"], [role="menuitem"], [role="switch"]',
    )
  );
}
/** A key pressed in a dialog (even one that closes on it, such as Esc) belongs to the dialog. */
function inDialog(e: KeyboardEvent): boolean {
  const t = e.target as Element | null;
  return e.defaultPrevented || !!t?.closest?.('[role="dialog"], [role="alertdialog"]');
}

export interface WalkKeys {
  steps: number;
  items: number;
  itemIndex: number;
  setStep(fn: (s: number) => number): void;
  goItem(i: number): void;
  toggleContrast(): void;
  focusQuickAdd(): void;
  editLatest(): void;
  editLatestRecommendation(): void;
  leave(): void;
  /** A dialog is open: it owns the keyboard. */
  paused: boolean;
}

export function useWalkKeys(keys: WalkKeys): void {
  // The latest handlers without subscribing again on every render (WalkPage builds `keys` each time).
  const latest = useRef(keys);
  // When the last dialog closed (Infinity while one is open). A dialog's own window listener may
  // close it on Esc before ours runs (listener order is the order components mounted), and React
  // commits that before our listener is called: an event that began before the dialog closed
  // belongs to the dialog, whichever listener sees it first.
  const pausedUntil = useRef(keys.paused ? Infinity : -Infinity);
  useLayoutEffect(() => {
    latest.current = keys;
    if (keys.paused) pausedUntil.current = Infinity;
    // An event's own clock (timeStamp), so the comparison holds wherever events are made.
    else if (pausedUntil.current === Infinity) pausedUntil.current = new Event('walk').timeStamp;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = latest.current;
      if (k.paused || e.timeStamp <= pausedUntil.current) return;
      if (typing(e) || pressing(e) || inDialog(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const act: Record<string, () => void> = {
        ArrowRight: () => k.setStep((s) => Math.min(Math.max(0, k.steps - 1), s + 1)),
        ' ': () => k.setStep((s) => Math.min(Math.max(0, k.steps - 1), s + 1)),
        ArrowLeft: () => k.setStep((s) => Math.max(0, s - 1)),
        PageDown: () => k.goItem(k.itemIndex + 1),
        PageUp: () => k.goItem(k.itemIndex - 1),
        h: k.toggleContrast,
        f: k.focusQuickAdd,
        e: k.editLatest,
        r: k.editLatestRecommendation,
        Escape: k.leave,
      };
      if (/^[1-9]$/.test(key)) {
        e.preventDefault();
        k.goItem(Math.min(Number(key), k.items) - 1);
      } else if (act[key]) {
        e.preventDefault();
        act[key]();
      }
    };
    // Capture: before handlers that stop the event's propagation.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
