import { fireEvent, render, screen } from '@testing-library/react';
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
});
