/**
 * The one date field: a single text box with a calendar, in the committee's date style (ISO by
 * default) instead of the browser's three tab stops. It also accepts ISO whatever the style; the
 * value stays `YYYY-MM-DD`. Esc while the calendar is open closes the calendar only, not the
 * dialog the field is in (Mantine's modal leaves an Esc alone on a `data-mantine-stop-propagation`
 * target).
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { readDate } from '../../../shared/dates';
import { currentDisplay, datePattern } from '../lib/format';

export function DateField(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const { style } = currentDisplay();
  const [calendarOpen, setCalendarOpen] = useState(false);
  return (
    <DateInput
      valueFormat={datePattern(style)}
      dateParser={(text) => readDate(text, style)}
      placeholder={datePattern(style)}
      data-mantine-stop-propagation={calendarOpen ? 'true' : undefined}
      {...props}
      popoverProps={{
        withinPortal: true,
        ...props.popoverProps,
        onOpen: () => {
          setCalendarOpen(true);
          props.popoverProps?.onOpen?.();
        },
        onClose: () => {
          setCalendarOpen(false);
          props.popoverProps?.onClose?.();
        },
      }}
    />
  );
}
