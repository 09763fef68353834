import type { Core } from '../core';
import type { Handlers } from '../dispatch';
import type { coverageMethods } from '../../../shared/coverage/schemas';
import { coverageReport, listServices, removeService, saveService } from './coverage';

export function coverageHandlers(core: Core): Pick<Handlers, keyof typeof coverageMethods> {
  const wb = () => core.workbench;
  return {
    'services.list': () => ({ services: wb().read(listServices) }),
    'services.save': (input) => saveService(wb(), input),
    'services.remove': ({ id }) => {
      removeService(wb(), id);
      return { removed: true as const };
    },
    'reports.coverage': (q) => wb().read((db) => coverageReport(db, q)),
  };
}
