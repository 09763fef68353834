/** A small, strict argument parser: unknown flags are errors, never ignored. */
export class UsageError extends Error {}

/** `strings`: a flag that takes a value and may be given more than once (`--unmapped a=x --unmapped b=y`). */
export type FlagSpec = Record<string, 'string' | 'boolean' | 'strings'>;
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true | string[]>;
}

/** Splits argv into positionals and flags; `spec` says which flags take a value. */
export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positional: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--') || a === '--') {
      if (a !== '--') positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const kind = spec[name];
    if (!kind) throw new UsageError(`Unknown option --${name}.`);
    if (kind === 'boolean') {
      if (eq > 0) throw new UsageError(`--${name} takes no value.`);
      flags[name] = true;
    } else {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
      if (kind === 'strings') {
        const had = flags[name];
        flags[name] = [...(Array.isArray(had) ? had : []), value];
      } else flags[name] = value;
    }
  }
  return { positional, flags };
}

export function str(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}
/** Every value of a repeatable flag, in order (none: empty). */
export function strs(args: ParsedArgs, name: string): string[] {
  const v = args.flags[name];
  return Array.isArray(v) ? v : [];
}
export function need(args: ParsedArgs, name: string): string {
  const v = str(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required.`);
  return v;
}
/** A required record id: digits only ("0x10", "1e3", "-1" and "0" are refused), with where to find one. */
export function idFlag(args: ParsedArgs, name: string, hint: string): number {
  const raw = need(args, name);
  if (!/^[1-9]\d{0,11}$/.test(raw)) throw new UsageError(`--${name} takes ${hint}, not "${raw.slice(0, 40)}".`);
  return Number(raw);
}
