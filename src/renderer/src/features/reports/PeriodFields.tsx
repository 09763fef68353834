/** The report period: From and To months (@mantine/dates, ISO `YYYY-MM`), kept in the address. */
import { MonthPickerInput } from '@mantine/dates';
import type { ReportsSearch } from '../../lib/routes';

const MONTH_FORMAT = 'YYYY-MM';
/** `2024-03` ↔ the picker's `2024-03-01`. */
const toPicker = (month: string | undefined) => (month ? `${month}-01` : null);
const fromPicker = (value: string | null) => (value ? value.slice(0, 7) : undefined);

export function PeriodFields({ period, onChange }: { period: ReportsSearch; onChange(patch: ReportsSearch): void }) {
  const common = {
    valueFormat: MONTH_FORMAT,
    placeholder: MONTH_FORMAT,
    clearable: true,
    w: 150,
    popoverProps: { withinPortal: true },
  } as const;
  return (
    <>
      <MonthPickerInput
        {...common}
        label="From"
        value={toPicker(period.from)}
        maxDate={toPicker(period.to) ?? undefined}
        onChange={(v) => onChange({ from: fromPicker(v) })}
        clearButtonProps={{ 'aria-label': 'Clear the start month' }}
      />
      <MonthPickerInput
        {...common}
        label="To"
        value={toPicker(period.to)}
        minDate={toPicker(period.from) ?? undefined}
        onChange={(v) => onChange({ to: fromPicker(v) })}
        clearButtonProps={{ 'aria-label': 'Clear the end month' }}
      />
    </>
  );
}
