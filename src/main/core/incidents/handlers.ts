import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatch';
import type { incidentMethods } from '../../../shared/incidents/schemas';
import { scan } from '../deid/scanner';
import { getDetail } from './detail';
import { dismissFinding, redactFinding } from './identifiers';
import { facets, listIncidents } from './list';
import { createIncident, deleteIncident, nextCode, setStatus, updateIncident } from './service';
import { addTimelineEvent, moveTimelineEvent, removeTimelineEvent, updateTimelineEvent } from './timeline';

export function incidentHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof incidentMethods> {
  const wb = () => ctx.workbench;
  return {
    'incidents.list': (q) => wb().read((db) => listIncidents(db, q)),
    'incidents.get': ({ id }) => wb().read((db) => getDetail(db, id)),
    'incidents.nextCode': ({ year }) => ({ code: wb().read((db) => nextCode(db, year)) }),
    'incidents.create': (input) => createIncident(wb(), input, ctx.today()),
    'incidents.update': (input) => updateIncident(wb(), input, ctx.today()),
    'incidents.setStatus': ({ id, status, confirmWeakOnly }) => setStatus(wb(), id, status, { confirmWeakOnly }),
    'incidents.delete': ({ id }) => {
      deleteIncident(wb(), id);
      return { deleted: true as const };
    },
    'incidents.facets': () => wb().read(facets),
    'timeline.add': ({ incidentId, event, position }) => addTimelineEvent(wb(), incidentId, event, position),
    'timeline.update': ({ id, patch }) => updateTimelineEvent(wb(), id, patch),
    'timeline.move': ({ id, position }) => moveTimelineEvent(wb(), id, position),
    'timeline.remove': ({ id }) => removeTimelineEvent(wb(), id),
    'identifiers.scan': ({ text }) => ({ findings: scan(text) }),
    'identifiers.redact': (input) => redactFinding(wb(), input),
    'identifiers.dismiss': (input) => dismissFinding(wb(), input),
  };
}
