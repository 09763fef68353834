/** The report period: From and To months (@mantine/dates, ISO `YYYY-MM`), kept in the address. */
import { MonthPickerInput } from '@mantine/dates';
import type { ReportsSearch } from '../../lib/routes';

const MONTH_FORMAT = 'YYYY-MM';
/** `2024-03` ↔ the picker's `2024-03-01`. */
const toPicker = (month: string | undefined) => (month ? `${month}-01` : null);
const fromPicker = (value: string | null) => (value ? value.slice(0, 7) : undefined);

/**
 * `shown`: the period the report covers when the address names none (the last 12 months of data),
 * shown in the fields rather than as a faint placeholder.
 */
export function PeriodFields(p: { period: ReportsSearch; shown: { from: string; to: string }; onChange(patch: ReportsSearch): void }) {
  const { period, onChange } = p;
  const common = {
    valueFormat: MONTH_FORMAT,
    w: 150,
    popoverProps: { withinPortal: true },
  } as const;
  return (
    <>
      <MonthPickerInput
        {...common}
        label="From"
        value={toPicker(period.from ?? p.shown.from)}
        clearable={period.from !== undefined}
        maxDate={toPicker(period.to ?? p.shown.to) ?? undefined}
        onChange={(v) => onChange({ from: fromPicker(v) })}
        clearButtonProps={{ 'aria-label': 'Clear the start month' }}
      />
      <MonthPickerInput
        {...common}
        label="To"
        value={toPicker(period.to ?? p.shown.to)}
        clearable={period.to !== undefined}
        minDate={toPicker(period.from ?? p.shown.from) ?? undefined}
        onChange={(v) => onChange({ to: fromPicker(v) })}
        clearButtonProps={{ 'aria-label': 'Clear the end month' }}
      />
    </>
  );
}
