/** The one date field: a single text box in ISO (`YYYY-MM-DD`) with a calendar, instead of the browser's three tab stops. */
import { DateInput, type DateInputProps } from '@mantine/dates';
import { DATE_FORMAT } from '../lib/format';

export function DateField(props: Omit<DateInputProps, 'valueFormat'>) {
  return <DateInput valueFormat={DATE_FORMAT} placeholder={DATE_FORMAT} popoverProps={{ withinPortal: true }} {...props} />;
}
