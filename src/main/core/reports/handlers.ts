import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import { coverageReport } from '../coverage/coverage';
import { exportDocument } from '../exports/write';
import { exportAllowed } from '../meetings/allowed';
import { annualDoc } from './annual';
import { dashboard } from './dashboard';

type ReportMethod = 'reports.dashboard' | 'reports.exportAnnual' | 'reports.coverage';

export function reportHandlers(ctx: HandlerContext): Pick<Handlers, ReportMethod> {
  const wb = () => ctx.workbench;
  return {
    'reports.dashboard': (q) => wb().read((db) => dashboard(db, q, ctx.today())),
    'reports.exportAnnual': ({ year, format, handle }) =>
      exportDocument(ctx, handle, {
        what: `annual report ${year}`,
        entity: 'reports',
        format,
        build: (db, committee) =>
          annualDoc(db, dashboard(db, { from: `${year}-01`, to: `${year}-12` }, ctx.today()), year, committee, ctx.today()),
        allowed: exportAllowed,
      }),
    'reports.coverage': (q) => wb().read((db) => coverageReport(db, q)),
  };
}
