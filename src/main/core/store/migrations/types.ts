/** The shape of one numbered migration; index.ts lists them in order and applies them. */
import type { WritableDB } from '../db';

export interface Migration {
  version: number;
  name: string;
  /**
   * A table rebuild (SQLite's "12-step" ALTER): foreign keys are switched off outside the
   * transaction (the pragma is a no-op inside one), checked with `foreign_key_check` before
   * the commit, and switched back on whatever happens.
   */
  rebuildsTables?: true;
  up(db: WritableDB): void;
}
