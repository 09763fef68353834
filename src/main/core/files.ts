/**
 * Opaque file handles. The renderer never sends a path: a native dialog (shell) or the test
 * host's per-run folder picks one, the host registers it here, and the renderer only ever
 * holds `fh_…`. Handles expire after one use or ten minutes.
 */
import crypto from 'node:crypto';
import { CasewalkError } from '../../shared/result';

export type FileMode = 'read' | 'write';
interface Entry {
  path: string;
  mode: FileMode;
  expires: number;
}

export class FileHandles {
  private readonly map = new Map<string, Entry>();

  register(path: string, mode: FileMode): string {
    const handle = `fh_${crypto.randomBytes(12).toString('base64url')}`;
    this.map.set(handle, { path, mode, expires: Date.now() + 10 * 60 * 1000 });
    return handle;
  }

  /** Resolves and consumes a handle; wrong mode, unknown or expired handles are refused. */
  take(handle: string, mode: FileMode): string {
    const e = this.map.get(handle);
    this.map.delete(handle);
    if (!e || e.expires < Date.now() || e.mode !== mode) {
      throw new CasewalkError('not_found', 'That file choice has expired. Choose the file again.');
    }
    return e.path;
  }
}
