import { fireEvent, render, screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { describe, expect, it, vi } from 'vitest';
import { useWalkKeys, type WalkKeys } from './useWalkKeys';

function Harness(p: { keys: WalkKeys }) {
  useWalkKeys(p.keys);
  return <button type="button">Case reviewed</button>;
}
const keys = (over: Partial<WalkKeys> = {}): WalkKeys => ({
  steps: 5,
  items: 4,
  itemIndex: 0,
  setStep: vi.fn(),
  goItem: vi.fn(),
  toggleContrast: vi.fn(),
  focusQuickAdd: vi.fn(),
  editLatest: vi.fn(),
  editLatestRecommendation: vi.fn(),
  leave: vi.fn(),
  paused: false,
  ...over,
});

describe('walk keys', () => {
  it('Space steps the walk, but on a focused button it is the button’s (it presses it)', () => {
    const k = keys();
    render(<Harness keys={k} />);
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(k.setStep).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Case reviewed' }), { key: ' ' });
    expect(k.setStep).toHaveBeenCalledTimes(1);
  });
  it('after a click on the high-contrast switch, the walk keys still work; Space stays the switch’s', () => {
    const k = keys();
    render(
      <>
        <Harness keys={k} />
        <input type="checkbox" role="switch" aria-label="High contrast" />
      </>,
    );
    const sw = screen.getByRole('switch', { name: 'High contrast' });
    sw.focus();
    fireEvent.keyDown(sw, { key: '2' });
    expect(k.goItem).toHaveBeenCalledWith(1);
    fireEvent.keyDown(sw, { key: ' ' });
    expect(k.setStep).not.toHaveBeenCalled();
    fireEvent.keyDown(sw, { key: 'Escape' });
    expect(k.leave).toHaveBeenCalledTimes(1);
  });
  it('uses the newest handlers after a re-render, and "9" goes to the last item when there are fewer', () => {
    const first = keys();
    const { rerender } = render(<Harness keys={first} />);
    const second = keys({ items: 3 });
    rerender(<Harness keys={second} />);
    fireEvent.keyDown(document.body, { key: '9' });
    expect(first.goItem).not.toHaveBeenCalled();
    expect(second.goItem).toHaveBeenCalledWith(2);
    rerender(<Harness keys={keys({ paused: true, goItem: second.goItem })} />);
    fireEvent.keyDown(document.body, { key: '1' });
    expect(second.goItem).toHaveBeenCalledTimes(1);
  });
  it('Esc that closes a dialog does not also leave the walk, even when the dialog’s listener runs first', async () => {
    const leave = vi.fn();
    render(<WithDialog leave={leave} />);
    expect(screen.getByRole('dialog')).toBeTruthy();
    // The dialog's window listener (mounted first, so called first) closes it and React commits
    // at once, as it does between listeners for a real key press; the walk must not leave too.
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(leave).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 5)); // a later key press: the walk's
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(leave).toHaveBeenCalledTimes(1);
  });
});

/** A dialog that closes itself on Esc from a window listener, as Mantine's modal does. */
function Dialog(p: { onClose(): void }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && flushSync(p.onClose);
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [p]);
  return <div role="dialog" aria-label="New recommendation" />;
}
function WithDialog(p: { leave(): void }) {
  const [open, setOpen] = useState(true);
  useWalkKeys(keys({ paused: open, leave: p.leave }));
  return open ? <Dialog onClose={() => setOpen(false)} /> : null;
}
