import { BadUserInputError, ConflictError, ForbiddenError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanWriteTraining } from '../access.js';
import { recordEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { CertificationRow } from '../db/schema.js';
import { insertCertification } from '../db/queries/certifications.js';
import { findFirstProviderOf } from '../db/queries/directory.js';
import { findLiveEnrollment } from '../db/queries/enrollments.js';
import { issueCertificationInput } from '../validation.js';
import { trainingConsentOf } from './consent-facts.js';
import { ownCourse } from './providers.js';

/** Which of the caller's providers a certificate is booked to: the course's, or the first one. */
async function certifyingProvider(context: Context, workerId: string, courseId: string | null | undefined) {
  if (courseId) {
    const course = await ownCourse(context, courseId);
    if (!(await findLiveEnrollment(context.db, course.id, workerId))) {
      throw BadUserInputError.of('input.courseId', 'is not a course this worker is enrolled in');
    }
    return { providerId: course.providerId, courseId: course.id };
  }
  const provider = await findFirstProviderOf(context.db, context.principal.institutionId);
  if (!provider) throw new ForbiddenError('Your institution runs no training provider; register one first.');
  return { providerId: provider.id, courseId: null };
}

export async function issueCertification(context: Context, rawInput: unknown): Promise<CertificationRow> {
  const input = parseInput(issueCertificationInput, rawInput);
  assertCanWriteTraining(context.principal);
  const consent = await trainingConsentOf(context, input.workerId);
  const { providerId, courseId } = await certifyingProvider(context, input.workerId, input.courseId);
  return context.db.transaction(async (tx) => {
    const certification = await insertCertification(tx, {
      workerId: input.workerId,
      workerDistrictCode: consent.workerDistrictCode,
      providerId,
      courseId,
      scheme: input.scheme,
      issuer: input.issuer,
      number: input.number,
      issuedOn: input.issuedOn,
      validUntil: input.validUntil ?? null,
    });
    if (!certification) throw new ConflictError('This issuer already issued a certificate with this number.');
    await context.audit.wrote(tx, [
      { ...recordEntity('Certification', certification), fields: Object.keys(input) },
    ]);
    return certification;
  });
}
