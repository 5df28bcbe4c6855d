import { describe, expect, it } from 'vitest';
import { canMoveEnrollment, isEditable } from './enrollment-status.js';

describe('enrolment status transitions', () => {
  it('lets an enrolment start, finish, fail or be withdrawn', () => {
    expect(canMoveEnrollment('ENROLLED', 'IN_PROGRESS')).toBe(true);
    expect(canMoveEnrollment('IN_PROGRESS', 'COMPLETED')).toBe(true);
    expect(canMoveEnrollment('IN_PROGRESS', 'FAILED')).toBe(true);
    expect(canMoveEnrollment('ENROLLED', 'WITHDRAWN')).toBe(true);
  });

  it('lets a failed worker sit a remedial round, but never reopens a completed or withdrawn one', () => {
    expect(canMoveEnrollment('FAILED', 'IN_PROGRESS')).toBe(true);
    expect(canMoveEnrollment('COMPLETED', 'IN_PROGRESS')).toBe(false);
    expect(canMoveEnrollment('COMPLETED', 'WITHDRAWN')).toBe(false);
    expect(canMoveEnrollment('WITHDRAWN', 'ENROLLED')).toBe(false);
    expect(canMoveEnrollment('IN_PROGRESS', 'ENROLLED')).toBe(false);
  });

  it('treats staying in the same status as no move, and keeps withdrawn records closed to edits', () => {
    expect(canMoveEnrollment('COMPLETED', 'COMPLETED')).toBe(true);
    expect(isEditable('COMPLETED')).toBe(true);
    expect(isEditable('WITHDRAWN')).toBe(false);
  });
});
