import { agencyLookup } from './agency-lookup.js';
import { kecamatanList } from './kecamatan-list.js';
import { ministryRegionView } from './ministry-region-view.js';
import { mentoringWrite } from './mentoring-write.js';
import type { Workload } from './workload.js';

export { kecamatanList } from './kecamatan-list.js';
export { MENTOR_OF_PROGRAM } from './mentoring-write.js';
export * from './workload.js';

/** The four workloads of issue 5, in the order the report lists them. */
export const WORKLOADS: readonly Workload[] = [
  agencyLookup,
  kecamatanList(100),
  mentoringWrite,
  ministryRegionView,
];

/** Run at 10k, 100k and 1M workers for the growth table. */
export const GROWTH_WORKLOADS: readonly Workload[] = [agencyLookup, ministryRegionView];
