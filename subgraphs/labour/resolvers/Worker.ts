import { assertMayReadAccessLog, type AccessEventView } from '../../../shared/audit/access-log.js';
import { accessReport, mergeAccessEvents } from '../../../shared/audit/access-report.js';
import { mayReadValue } from '../../../shared/rules.js';
import { access } from '../permissions.js';
import { uuid } from '../../../shared/validation/input.js';
import { maskNik } from '../../../shared/validation/nik.js';
import type { WorkerResolvers } from '../__generated__/resolvers-types.js';
import type { WorkerRow } from '../db/schema.js';
import { visibleAmendments } from '../amendment-view.js';

const OPEN = new Set(['PLANNED', 'DEPARTED', 'ABROAD']);

/** The access events other services hand over for `accessLog` (its `@requires` fields). */
interface ExternalAccessEvents {
  readonly ministryAccessEvents?: readonly AccessEventView[] | null;
  readonly trainingAccessEvents?: readonly AccessEventView[] | null;
  readonly universityAccessEvents?: readonly AccessEventView[] | null;
}

export const Worker: WorkerResolvers = {
  // `_entities` may carry any id; the loader applies the caller's row rule, so a hidden worker
  // resolves to null exactly like a missing one. The other services' access events (`@requires`)
  // ride along only in a request the gateway signed: anyone else's would be forged entries.
  __resolveReference: async (reference, { loaders, viaGateway }) => {
    if (!uuid.safeParse(reference.id).success) return null;
    const worker = await loaders.workerById.load(reference.id);
    if (!worker) return null;
    if (!viaGateway) return worker;
    const { ministryAccessEvents, trainingAccessEvents, universityAccessEvents } =
      reference as ExternalAccessEvents;
    return { ...worker, ministryAccessEvents, trainingAccessEvents, universityAccessEvents } as WorkerRow;
  },
  nik: (worker, _args, { principal }) =>
    mayReadValue(access.fields, 'Worker.nik', principal) ? worker.nik : maskNik(worker.nik),
  district: (worker) => ({ code: worker.districtCode }),
  registeredBy: (worker) => ({ id: worker.registeredBy }),
  documents: (worker, _args, { loaders }) => loaders.documentsByWorkerId.load(worker.id),
  placements: (worker, _args, { loaders }) => loaders.placementsByWorkerId.load(worker.id),
  currentPlacement: async (worker, _args, { loaders }) =>
    (await loaders.placementsByWorkerId.load(worker.id)).find((placement) => OPEN.has(placement.status)) ??
    null,
  consents: (worker, _args, { loaders }) => loaders.consentsByWorkerId.load(worker.id),
  amendments: async (worker, _args, { loaders, principal }) =>
    visibleAmendments(
      await loaders.amendmentsByWorkerId.load(worker.id),
      { entityType: 'Worker', entityId: worker.id },
      principal,
    ),
  accessLog: async (worker, args, { principal, loaders, audit }) => {
    // The kecamatan is labour's own record here, so it is trusted.
    assertMayReadAccessLog(principal, worker.districtCode, true);
    const external = worker as WorkerRow & ExternalAccessEvents;
    const own = await loaders.accessEventsByWorkerId.load(worker.id);
    const merged = mergeAccessEvents(
      own,
      external.ministryAccessEvents,
      external.trainingAccessEvents,
      external.universityAccessEvents,
    );
    return accessReport(merged, args, audit.requestId);
  },
};
