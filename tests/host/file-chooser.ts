/**
 * The browser preview's file chooser (bundled into the browser preload). Electron shows a
 * native dialog in the main process; in a browser the page itself must ask: an
 * `<input type=file>` the user picks from, whose file the preload reads and hands to the host
 * (POST /__casewalk/upload). The host keeps it in its files folder and queues it, and the
 * ordinary `files.chooseOpen` call then picks it, so the renderer still only gets a handle.
 * A file the tests queued on the host (`queueOpen`) is picked without showing the chooser.
 */
import type { Result } from '../../src/shared/result';

const ACCEPT: Record<string, string> = { import: '.csv,.txt,text/csv', mapping: '.json,application/json', restore: '.cwbackup' };

/** The user's pick, or null when the chooser was closed without one. */
function pickInBrowser(purpose: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[purpose] ?? '';
    input.style.display = 'none';
    const done = (f: File | null) => {
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

const failure = (message: string): Result<unknown> => ({ ok: false, error: { code: 'invalid_input', message } });

/**
 * Before `files.chooseOpen` reaches the host: lets the user choose a file and hands it over.
 * Returns a result to answer with (cancelled: null; a failed hand-over: its error), or
 * undefined to go on with the ordinary call.
 */
export async function chooseOpenInBrowser(input: unknown): Promise<Result<unknown> | undefined> {
  const queued = (await (await fetch('/__casewalk/pick-queue')).json()) as { queued: number };
  if (queued.queued > 0) return undefined;
  const purpose = (input as { purpose?: string } | null)?.purpose ?? '';
  const file = await pickInBrowser(purpose);
  if (!file) return { ok: true, value: null };
  const res = await fetch(`/__casewalk/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    return failure(body.error ?? `The file could not be handed to the preview (HTTP ${res.status}).`);
  }
  return undefined;
}
