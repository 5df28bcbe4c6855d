import { DateScalar, DateTimeScalar } from '../../../shared/scalars.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Mentor } from './Mentor.js';
import { MentoringProgram } from './MentoringProgram.js';
import { MentoringSession } from './MentoringSession.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { RegionStats } from './RegionStats.js';
import { University } from './University.js';
import { Worker } from './Worker.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  University,
  MentoringProgram,
  Mentor,
  MentoringSession,
  Worker,
  RegionStats,
};
