/** Remembers the main window's size and position between runs (plain fs, no electron). */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const windowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10_000),
  height: z.number().int().min(480).max(10_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowState>;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1360, height: 860, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    const raw: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'window-state.json'), 'utf8'));
    return windowState.parse(raw);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function saveWindowState(dir: string, state: WindowState): void {
  const file = path.join(dir, 'window-state.json');
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(windowState.parse(state)), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
