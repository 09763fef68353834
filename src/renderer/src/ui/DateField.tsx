/**
 * The one date field: a single text box with a calendar, in the committee's date style (ISO by
 * default) instead of the browser's three tab stops. It also accepts ISO whatever the style; the
 * value stays `YYYY-MM-DD`.
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import { readDate } from '../../../shared/dates';
import { currentDisplay, datePattern } from '../lib/format';

export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const { style } = currentDisplay();
  return (
    <DateInput
      valueFormat={datePattern(style)}
      dateParser={(text) => readDate(text, style)}
      placeholder={datePattern(style)}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
