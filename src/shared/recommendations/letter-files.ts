/** File names for the letters to owner agencies, the same in the app and the CLI. */

/** `letter-2026-11-11-county-behavioral-health.pdf` (accents folded; other scripts fall back to "agency"). */
export function letterFileName(date: string, agency: string, format: string): string {
  const slug = agency
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 60);
  return `letter-${date}-${slug || 'agency'}.${format}`;
}

/** One name per agency, in order, never the same twice (two agencies that slug alike get "-2", "-3"). */
export function letterFileNames(date: string, agencies: readonly string[], format: string): string[] {
  const seen = new Map<string, number>();
  return agencies.map((a) => {
    const name = letterFileName(date, a, format);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : name.replace(new RegExp(`\\.${format}$`), `-${n}.${format}`);
  });
}
