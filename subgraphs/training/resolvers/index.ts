import { DateScalar, DateTimeScalar } from '../../../shared/scalars.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Certification } from './Certification.js';
import { Course } from './Course.js';
import { Enrollment } from './Enrollment.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { RegionStats } from './RegionStats.js';
import { TrainingProvider } from './TrainingProvider.js';
import { Worker } from './Worker.js';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  TrainingProvider,
  Course,
  Enrollment,
  Certification,
  Worker,
  RegionStats,
};
