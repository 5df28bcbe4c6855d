import { DateScalar, DateTimeScalar } from '../../../shared/scalars.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { AuditEvent } from './AuditEvent.js';
import { Case } from './Case.js';
import { CaseNote } from './CaseNote.js';
import { Institution } from './Institution.js';
import { JobOrder } from './JobOrder.js';
import { Mutation } from './Mutation.js';
import { Placement } from './Placement.js';
import { PlacementAgency } from './PlacementAgency.js';
import { Query } from './Query.js';
import { Region } from './Region.js';
import { RegionStats } from './RegionStats.js';
import { RegionStatsTable } from './RegionStatsTable.js';
import { Sanction } from './Sanction.js';
import { Worker } from './Worker.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  PlacementAgency,
  JobOrder,
  Sanction,
  Case,
  CaseNote,
  Region,
  Institution,
  Worker,
  Placement,
  RegionStats,
  RegionStatsTable,
  AuditEvent,
};
