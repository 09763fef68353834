/** Types for check-cycles.mjs (used by tests/lint-boundary.test.ts). */
export type ImportGraph = Map<string, string[]>;
export function importGraph(roots: readonly string[], cwd?: string): ImportGraph;
export function cycles(graph: ImportGraph): string[][];
export function loopThrough(graph: ImportGraph, comp: readonly string[]): string[];
