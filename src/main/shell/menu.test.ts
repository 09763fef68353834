import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from './menu';

describe('application menu', () => {
  it('has File → Lock workbench on Ctrl/Cmd+L, which calls workbench.lock', () => {
    const call = vi.fn(async () => ({ ok: true as const, value: { locked: true } }));
    const file = menuTemplate({ call }).find((m) => m.label === 'File')!;
    const lock = (file.submenu as MenuItemConstructorOptions[]).find((i) => i.id === 'lock')!;
    expect(lock.accelerator).toBe('CmdOrCtrl+L');
    (lock.click as () => void)();
    expect(call).toHaveBeenCalledWith('workbench.lock', {});
  });
});
