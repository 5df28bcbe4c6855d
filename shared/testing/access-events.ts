import { randomUUID } from 'node:crypto';
import type { NewAccessEvent } from '../audit/table.js';

/**
 * One access event as the chain tests write it straight into a log: a ministry auditor's read of
 * a worker's name, with fresh ids; `overrides` changes what a test is about.
 */
export function sampleAccessEvent(overrides: Partial<NewAccessEvent> = {}): NewAccessEvent {
  return {
    requestId: `request-${randomUUID()}`,
    subgraph: 'labour',
    institutionId: randomUUID(),
    institutionKind: 'MINISTRY',
    clientId: 'kp2mi-auditor',
    action: 'READ',
    entityType: 'Worker',
    entityId: randomUUID(),
    fields: ['fullName'],
    ...overrides,
  };
}
