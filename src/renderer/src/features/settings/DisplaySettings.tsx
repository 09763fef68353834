/**
 * Keeps the one date formatter (lib/format.ts) in step with the committee's saved date style and
 * time zone. Everything below it starts again when either changes, so no screen keeps showing
 * dates the old way.
 */
import { Fragment, type ReactNode } from 'react';
import { DEFAULT_DATE_STYLE } from '../../../../shared/dates';
import { machineTimeZone } from '../../../../shared/time-zone';
import { setDisplay } from '../../lib/format';
import { useSettings } from './queries';

export function DisplaySettings({ children }: { children: ReactNode }) {
  const saved = useSettings().data;
  const style = saved?.dateStyle ?? DEFAULT_DATE_STYLE;
  const timeZone = saved?.timeZone ?? machineTimeZone();
  // Before anything below renders: the formatters are plain functions that read it.
  setDisplay({ style, timeZone });
  return <Fragment key={`${style}|${timeZone}`}>{children}</Fragment>;
}
