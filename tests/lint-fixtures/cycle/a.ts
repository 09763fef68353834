// A type-only import cycle (a → b → a): the cycle check must find it.
import type { B } from './b';

export interface A {
  b: B | null;
}
