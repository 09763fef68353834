/**
 * A stand-in for the `electron` module in unit tests (aliased in vitest.config.ts): the real
 * package tries to download its binary when required in plain Node.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors Electron's own listener type
type Handler = (...args: any[]) => unknown;

export const handled = new Map<string, Handler>();
export const ipcMain = {
  handle(channel: string, fn: Handler) {
    if (handled.has(channel)) throw new Error(`second handler for ${channel}`);
    handled.set(channel, fn);
  },
};
export const app = { isPackaged: false };
export const shell = { openExternal: async (_url: string) => {} };
export default { ipcMain, app, shell };
