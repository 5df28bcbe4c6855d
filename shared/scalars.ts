import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function badValue(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Whether `YYYY-MM-DD` names a day that exists (rejects 2023-02-29 and 2024-13-01). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (year < 1900 || year > 2199) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw badValue('Date must be a calendar date written as YYYY-MM-DD, such as 2025-03-31.');
  }
  return value;
}

/** A calendar date without time zone, ISO 8601 `YYYY-MM-DD`; carried as a string end to end. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 `YYYY-MM-DD` (tanggal).',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral: (node: ValueNode) => {
    if (node.kind !== Kind.STRING) throw badValue('Date must be a string written as YYYY-MM-DD.');
    return parseDate(node.value);
  },
});

const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value === 'string' && DATE_TIME_PATTERN.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime()) && isCalendarDate(value.slice(0, 10))) return date;
  }
  throw badValue('DateTime must be an ISO 8601 instant with a time zone, such as 2025-03-31T08:30:00+07:00.');
}

/** An instant, ISO 8601 with time zone; served in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'An instant in time, ISO 8601 with a time zone offset, served in UTC (`2025-03-31T01:30:00.000Z`).',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    return parseDateTime(value).toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (node: ValueNode) => {
    if (node.kind !== Kind.STRING) throw badValue('DateTime must be a string in ISO 8601 form.');
    return parseDateTime(node.value);
  },
});

/** Today's date in Indonesia's western time zone (WIB, UTC+7), where every hub office sits today. */
export function todayInJakarta(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
