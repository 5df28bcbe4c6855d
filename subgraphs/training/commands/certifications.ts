import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../../shared/errors.js';
import { parseInput } from '../../../shared/validation/input.js';
import { assertCanWriteTraining } from '../access.js';
import { recordEntity } from '../audit.js';
import type { Context } from '../context.js';
import type { CertificationRow } from '../db/schema.js';
import { insertCertification, revokeCertificationRow } from '../db/queries/certifications.js';
import { findFirstProviderOf } from '../db/queries/directory.js';
import { findLiveEnrollment } from '../db/queries/enrollments.js';
import { id, issueCertificationInput, revokeCertificationInput } from '../validation.js';
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

const ALREADY_REVOKED = 'This certificate was already revoked; a revocation is final.';

/**
 * Withdraws a certificate the caller's institution recorded. The caller's row scope finds only its
 * own providers' certificates of consenting workers; any other is answered as missing.
 */
export async function revokeCertification(
  context: Context,
  rawId: unknown,
  rawInput: unknown,
): Promise<CertificationRow> {
  const certificationId = parseInput(id, rawId, 'id');
  const input = parseInput(revokeCertificationInput, rawInput);
  assertCanWriteTraining(context.principal);
  const certification = await context.loaders.certificationById.load(certificationId);
  if (!certification) throw new NotFoundError('Certification');
  if (certification.revokedOn !== null) throw new ConflictError(ALREADY_REVOKED);
  if (input.revokedOn < certification.issuedOn) {
    throw BadUserInputError.of(
      'input.revokedOn',
      `must not be before the issue date ${certification.issuedOn}`,
    );
  }
  return context.db.transaction(async (tx) => {
    const revoked = await revokeCertificationRow(tx, certification.id, {
      revokedOn: input.revokedOn,
      revocationReason: input.reason,
    });
    if (!revoked) throw new ConflictError(ALREADY_REVOKED);
    await context.audit.wrote(tx, [
      { ...recordEntity('Certification', revoked), fields: ['revokedOn', 'revocationReason'] },
    ]);
    return revoked;
  });
}
