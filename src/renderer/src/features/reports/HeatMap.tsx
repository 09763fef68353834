/**
 * Incidents by hour of day × weekday: a real table (the numbers are in the cells, so it is its own
 * text alternative), shaded by count, with the hours the service was not available outlined, and
 * a legend for both.
 */
import { Group, Text } from '@mantine/core';
import type { CoverageReport } from '../../../../shared/coverage/schemas';
import { formatMonth, formatCount } from '../../lib/format';
import classes from './CoveragePanel.module.css';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hh = (h: number) => String(h).padStart(2, '0');
/** The cell colour for a share (0–1) of the busiest cell: light to teal, always with dark text. */
export const shade = (level: number) => `color-mix(in srgb, #006f63 ${Math.round(5 + level * 55)}%, #ffffff)`;

function HeatLegend({ max, serviceName }: { max: number; serviceName: string | null }) {
  const steps = [0, 0.25, 0.5, 0.75, 1].map((l) => ({ level: l, n: Math.round(l * max) }));
  return (
    <Group gap="lg" role="group" aria-label="Heat map legend" wrap="wrap">
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          Incidents per hour:
        </Text>
        {steps.map((s) => (
          <span key={s.level} className={classes.swatch} style={{ background: shade(s.level) }}>
            {formatCount(s.n)}
          </span>
        ))}
        <Text size="sm">(darker is busier)</Text>
      </Group>
      {serviceName && (
        <Group gap={6} wrap="nowrap">
          <span className={`${classes.swatch} ${classes.off}`} style={{ background: shade(0) }} aria-hidden="true" />
          <Text size="sm">Dashed outline: {serviceName} not available</Text>
        </Group>
      )}
    </Group>
  );
}

export function HeatMap({ r }: { r: CoverageReport }) {
  const max = Math.max(1, ...r.byHourWeekday.flat());
  return (
    <>
      <div className={classes.scroll}>
        <table
          className={classes.heat}
          aria-label={`Incidents by hour of day and weekday, ${formatMonth(r.from)} to ${formatMonth(r.to)}${r.service ? `; outlined cells: ${r.service.name} not available` : ''}`}
        >
          <thead>
            <tr>
              <th scope="col">Day</th>
              {Array.from({ length: 24 }, (_, h) => (
                <th key={h} scope="col">
                  {hh(h)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.byHourWeekday.map((row, d) => (
              <tr key={d}>
                <th scope="row">{DAYS[d]}</th>
                {row.map((n, h) => {
                  const off = r.available ? !r.available[d]![h] : false;
                  return (
                    <td
                      key={h}
                      className={off ? classes.off : undefined}
                      style={{ background: shade(n / max), color: '#111' }}
                      title={`${DAYS[d]} ${hh(h)}:00 — ${n} incidents${off ? ' (service not available)' : ''}`}
                    >
                      {n}
                      {off && <span className={classes.sr}> (not covered)</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatLegend max={max} serviceName={r.service?.name ?? null} />
    </>
  );
}
