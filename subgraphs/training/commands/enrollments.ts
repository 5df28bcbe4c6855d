import { BadUserInputError, ConflictError, NotFoundError } from '../../../shared/errors.js';
import { definedOnly, parseInput } from '../../../shared/validation/input.js';
import { assertCanWriteTraining } from '../access.js';
import { recordEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { CourseRow, EnrollmentRow } from '../db/schema.js';
import {
  countLiveEnrollmentsOf,
  findLiveEnrollment,
  insertEnrollment,
  lockCourse,
  updateEnrollment as updateEnrollmentRow,
} from '../db/queries/enrollments.js';
import { canMoveEnrollment, FINISHED, isEditable } from '../enrollment-status.js';
import { id, updateEnrollmentInput } from '../validation.js';
import { trainingConsentOf } from './consent-facts.js';
import { ownCourse } from './providers.js';

const ALREADY_ENROLLED = 'This worker is already enrolled in this course.';

export async function enrollWorker(
  context: Context,
  rawCourseId: unknown,
  rawWorkerId: unknown,
): Promise<EnrollmentRow> {
  const courseId = parseInput(id, rawCourseId, 'courseId');
  const workerId = parseInput(id, rawWorkerId, 'workerId');
  assertCanWriteTraining(context.principal);
  const course = await ownCourse(context, courseId);
  const consent = await trainingConsentOf(context, workerId);
  // The course row stays locked until commit, so concurrent enrolments take turns and the
  // capacity check cannot be raced past.
  return context.db.transaction(async (tx) => {
    const locked = await lockCourse(tx, course.id);
    if (!locked) throw new NotFoundError('Course');
    if (await findLiveEnrollment(tx, course.id, workerId)) throw new ConflictError(ALREADY_ENROLLED);
    if ((await countLiveEnrollmentsOf(tx, course.id)) >= locked.capacity) {
      throw new ConflictError(`This course is full: all ${locked.capacity} places are taken.`);
    }
    const enrollment = await insertEnrollment(tx, {
      courseId: course.id,
      workerId,
      workerDistrictCode: consent.workerDistrictCode,
    });
    if (!enrollment) throw new ConflictError(ALREADY_ENROLLED);
    await context.audit.wrote(tx, [
      { ...recordEntity('Enrollment', enrollment), fields: ['courseId', 'workerId'] },
    ]);
    return enrollment;
  });
}

/** The completion date the record will carry, checked against the course and the new status. */
function completionDate(
  enrollment: EnrollmentRow,
  course: CourseRow,
  status: EnrollmentRow['status'],
  given: string | undefined,
): string | null {
  const finished = FINISHED.includes(status);
  if (given !== undefined && !finished) {
    throw BadUserInputError.of('input.completedOn', 'belongs to a COMPLETED or FAILED enrolment only');
  }
  const completedOn = finished ? (given ?? enrollment.completedOn) : null;
  if (status === 'COMPLETED' && !completedOn) {
    throw BadUserInputError.of('input.completedOn', 'is required to mark an enrolment COMPLETED');
  }
  if (completedOn && completedOn < course.startDate) {
    throw BadUserInputError.of(
      'input.completedOn',
      `must not be before the course starts (${course.startDate})`,
    );
  }
  return completedOn;
}

export async function updateEnrollment(
  context: Context,
  rawId: unknown,
  rawInput: unknown,
): Promise<EnrollmentRow> {
  const enrollmentId = parseInput(id, rawId, 'id');
  const input = parseInput(updateEnrollmentInput, rawInput);
  assertCanWriteTraining(context.principal);
  // The row scope of a training provider already limits this to its own courses and to workers
  // whose consent is in force; anything else is answered as missing.
  const enrollment = await context.loaders.enrollmentById.load(enrollmentId);
  if (!enrollment) throw new NotFoundError('Enrollment');
  const course = await ownCourse(context, enrollment.courseId);
  if (!isEditable(enrollment.status)) throw new ConflictError('A withdrawn enrolment cannot be changed.');
  const status = input.status ?? enrollment.status;
  if (!canMoveEnrollment(enrollment.status, status)) {
    throw new ConflictError(`An enrolment cannot move from ${enrollment.status} to ${status}.`);
  }
  const completedOn = completionDate(enrollment, course, status, input.completedOn);
  const changes = {
    ...definedOnly({ attendancePercent: input.attendancePercent, score: input.score }),
    status,
    completedOn,
  };
  return context.db.transaction(async (tx) => {
    const updated = await updateEnrollmentRow(tx, enrollment.id, changes);
    await context.audit.wrote(tx, [{ ...recordEntity('Enrollment', updated), fields: Object.keys(changes) }]);
    return updated;
  });
}
