import { z } from 'zod';
import { BadUserInputError, type InputIssue } from '../errors.js';
import { isCountryCode, WAGE_CURRENCIES } from '../reference/countries.js';
import { findRegion, isRegionCodeFormat, type RegionLevel } from '../reference/regions.js';
import { nikProblem } from './nik.js';

/**
 * Parses mutation input; on failure throws one BAD_USER_INPUT error naming every offending field
 * (`input.nik`, `input.address`), so nothing is written and the caller can fix all at once.
 */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, root = 'input'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue): InputIssue => ({
    field: [root, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new BadUserInputError(issues as [InputIssue, ...InputIssue[]]);
}

// Control characters (other than tab and newline in long text) have no place in a record.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Bidirectional embeddings, overrides and isolates make text read differently from what it holds.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
// Half of a UTF-16 surrogate pair (JSON can carry one as `\ud800`): not text in any encoding.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Something a reader can see: not only spaces, format characters (zero-width, BOM) or lone marks.
const VISIBLE = /[^\p{White_Space}\p{Cf}\p{M}]/u;

/** Why a trimmed text cannot be stored, or null: the first problem only, one issue per field. */
function textProblem(value: string, maxLength: number): string | null {
  if (value.length === 0) return 'must not be empty';
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (CONTROL_CHARACTERS.test(value)) return 'must not contain control characters';
  if (BIDI_CONTROLS.test(value)) return 'must not contain bidirectional control characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text';
  if (!VISIBLE.test(value)) return 'must contain visible characters';
  return null;
}

/**
 * Trimmed, non-empty, bounded text without control characters, bidirectional controls or broken
 * surrogates, with at least one visible character.
 */
export function text(maxLength: number) {
  return z
    .string()
    .transform((value) => value.trim().normalize('NFC'))
    .superRefine((value, context) => {
      const problem = textProblem(value, maxLength);
      if (problem) context.addIssue({ code: 'custom', message: problem, continue: false });
    });
}

// Letters of any script with their marks, digits, spaces and the punctuation of names
// (Nur'aini, Al-Fatih, Hj. Siti, S.Pd.), never markup, formulas or emoji.
const NAME_CHARACTERS = /^[\p{L}\p{M}\p{N}\p{Zs}.,'\u2018\u2019`()/-]+$/u;
// A letter carries a few marks at most; dozens of them stacked ("zalgo") only deface a record.
const STACKED_MARKS = /\p{M}{4,}/u;

/** A person's name as written on the KTP-el. */
export const personName = text(120)
  .refine(
    (value) => NAME_CHARACTERS.test(value),
    'may contain only letters, digits, spaces, apostrophes and . , - ( ) /',
  )
  .refine((value) => /\p{L}/u.test(value), 'must contain a letter')
  .refine((value) => !STACKED_MARKS.test(value), 'must not stack combining marks');

/** Text searched for, not stored: bounded, and free of characters no record can hold. */
export function searchText(minLength: number, maxLength: number) {
  return z
    .string()
    .trim()
    .min(minLength, `must have at least ${minLength} characters`)
    .max(maxLength, `must be at most ${maxLength} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'must not contain control characters');
}

export const nik = z.string().superRefine((value, context) => {
  const problem = nikProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: `is not a valid NIK: ${problem}` });
});

// An example must itself be valid where it is offered: a village code is no example of a regency code.
const EXAMPLE_CODES: Readonly<Record<RegionLevel, string>> = {
  PROVINCE: '35',
  REGENCY: '35.07',
  DISTRICT: '35.07.13',
  VILLAGE: '35.07.13.2001',
};

/** A Kemendagri region code that exists in the reference data, optionally at one level only. */
export function regionCode(level?: RegionLevel) {
  return z.string().superRefine((value, context) => {
    if (!isRegionCodeFormat(value)) {
      context.addIssue({
        code: 'custom',
        message: `must be a Kemendagri ${level ? `${level.toLowerCase()} ` : ''}code such as ${EXAMPLE_CODES[level ?? 'VILLAGE']}`,
      });
      return;
    }
    const region = findRegion(value);
    if (!region) context.addIssue({ code: 'custom', message: `${value} is not a known region code` });
    else if (level && region.level !== level)
      context.addIssue({
        code: 'custom',
        message: `must be a ${level.toLowerCase()} code, not a ${region.level.toLowerCase()} code`,
      });
  });
}

export const countryCode = z
  .string()
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code such as HK or TW');

export const currencyCode = z
  .string()
  .refine(
    (value) => WAGE_CURRENCIES.has(value),
    'must be an ISO 4217 currency code used for wages, such as HKD',
  );

export const uuid = z.uuid('must be an ID issued by the hub');

/** An ISO date string (already shape-checked by the `Date` scalar) compared as text, which orders correctly. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/** Adds an issue when `later` is before `earlier` (both optional ISO dates). */
export function requireOrder(
  context: z.RefinementCtx,
  earlier: string | null | undefined,
  later: string | null | undefined,
  laterField: string,
  message: string,
): void {
  if (earlier && later && later < earlier) context.addIssue({ code: 'custom', path: [laterField], message });
}

/** Drops keys whose value is undefined (a field the caller left out), keeping explicit nulls. */
export function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
