import type { WorkerStatus } from '../graphql/__generated__/graphql.js';

/** Every worker status, in lifecycle order, for the search filter (codegen types only the union). */
export const WORKER_STATUSES: readonly WorkerStatus[] = [
  'PROSPECTIVE',
  'REGISTERED',
  'VERIFIED',
  'DEPARTED',
  'ABROAD',
  'RETURNED',
  'WITHDRAWN',
  'NON_PROCEDURAL',
];

export function isWorkerStatus(value: string | null): value is WorkerStatus {
  return value !== null && (WORKER_STATUSES as readonly string[]).includes(value);
}
