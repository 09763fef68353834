/** Month arithmetic on YYYYMM integers (the incidents' \`occurred\` column). */
export function addMonths(n: number, k: number): number {
  const total = Math.floor(n / 100) * 12 + (n % 100) - 1 + k;
  return Math.floor(total / 12) * 100 + (total % 12) + 1;
}

/** 202603 → "2026-03" */
export function ym(n: number): string {
  return `${Math.floor(n / 100)}-${String(n % 100).padStart(2, '0')}`;
}
