// Imports into the cycle without being part of it.
import type { A } from './a';

export type C = A[];
