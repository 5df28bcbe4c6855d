import { z } from 'zod';
import { todayInJakarta } from '../../shared/scalars.js';
import { isoDate, personName, regionCode, requireOrder, text, uuid } from '../../shared/validation/input.js';
import {
  businessStatus,
  empowermentType,
  mentoringForm,
  MENTORING_TOPICS,
  reMigrationIntent,
  REFERRALS,
  revenueBand,
  sessionMode,
} from './db/schema.js';

/** A list of 1..max (or 0..max) values, none repeated. */
function distinctList<T>(item: z.ZodType<T>, min: number, max: number, noun: string) {
  return z
    .array(item)
    .min(min, `must name at least ${min} ${noun}`)
    .max(max, `must name at most ${max} ${noun}s`)
    .refine((values) => new Set(values).size === values.length, `must not name the same ${noun} twice`);
}

const topic = z.enum(MENTORING_TOPICS);
const topics = distinctList(topic, 1, 10, 'topic');

export const registerUniversityInput = z.object({
  name: text(200),
  regionCode: regionCode(),
});

export const createMentoringProgramInput = z
  .object({
    universityId: uuid,
    title: text(200),
    empowermentType: z.enum(empowermentType.enumValues),
    villageCode: regionCode('VILLAGE'),
    startDate: isoDate,
    endDate: isoDate.nullish(),
    description: text(2000).nullish(),
  })
  .superRefine((value, context) => {
    requireOrder(context, value.startDate, value.endDate, 'endDate', 'must not be before startDate');
  });

export const addMentorInput = z.object({
  universityId: uuid,
  fullName: personName,
  expertise: topics,
});

export const logMentoringSessionInput = z
  .object({
    programId: uuid,
    mentorId: uuid,
    participantIds: distinctList(uuid, 1, 50, 'participant'),
    date: isoDate.refine((value) => value <= todayInJakarta(), 'must not be in the future'),
    durationMinutes: z
      .number()
      .int()
      .min(5, 'must be at least 5 minutes')
      .max(600, 'must be at most 600 minutes'),
    mode: z.enum(sessionMode.enumValues),
    locationCode: regionCode('VILLAGE').nullish(),
    form: z.enum(mentoringForm.enumValues),
    topics,
    businessStatus: z.enum(businessStatus.enumValues).nullish(),
    revenueBand: z.enum(revenueBand.enumValues).nullish(),
    needs: z.array(text(200)).max(20, 'must name at most 20 needs').nullish(),
    referrals: distinctList(z.enum(REFERRALS), 0, REFERRALS.length, 'referral').nullish(),
    actionPlan: text(2000).nullish(),
    nextSessionDate: isoDate.nullish(),
    reMigrationIntent: z.enum(reMigrationIntent.enumValues).nullish(),
    notes: text(2000).nullish(),
  })
  .superRefine((value, context) => {
    if (value.mode === 'IN_PERSON' && !value.locationCode)
      context.addIssue({
        code: 'custom',
        path: ['locationCode'],
        message: 'is required for an in-person session',
      });
    if (value.mode === 'ONLINE' && value.locationCode)
      context.addIssue({
        code: 'custom',
        path: ['locationCode'],
        message: 'is only recorded for an in-person session',
      });
    if (value.nextSessionDate && value.nextSessionDate <= value.date)
      context.addIssue({ code: 'custom', path: ['nextSessionDate'], message: 'must be after date' });
  });

export const optionalId = uuid.nullish();
