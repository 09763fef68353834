import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import type { coverageMethods } from '../../../shared/coverage/schemas';
import { listServices, removeService, saveService } from './coverage';

/** The crisis services (`services.*`); the 24/7 coverage report is a report (reports/handlers.ts). */
export function coverageHandlers(ctx: HandlerContext): Pick<Handlers, Exclude<keyof typeof coverageMethods, `reports.${string}`>> {
  const wb = () => ctx.workbench;
  return {
    'services.list': () => ({ services: wb().read(listServices) }),
    'services.save': (input) => saveService(wb(), input),
    'services.remove': ({ id }) => {
      removeService(wb(), id);
      return { removed: true as const };
    },
  };
}
