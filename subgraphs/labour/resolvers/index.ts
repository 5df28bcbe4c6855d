import { DateScalar, DateTimeScalar } from '../../../shared/scalars.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Amendment } from './Amendment.js';
import { Consent } from './Consent.js';
import { Document } from './Document.js';
import { Mutation } from './Mutation.js';
import { Placement } from './Placement.js';
import { Query } from './Query.js';
import { RegionStats } from './RegionStats.js';
import { Worker } from './Worker.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Worker,
  Document,
  Placement,
  Consent,
  Amendment,
  RegionStats,
};
