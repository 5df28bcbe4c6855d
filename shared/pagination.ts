import { BadUserInputError } from './errors.js';

export const MAX_PAGE_SIZE = 100;

/** Validates a `first` argument: 1 to 100 items per page. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw BadUserInputError.of('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/** Opaque cursor: base64url of the keyset position. */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`, checking each part's type; anything else is BAD_USER_INPUT. */
export function decodeCursor<T extends readonly ('string' | 'number')[]>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'string' ? string : number } {
  const invalid = () => BadUserInputError.of('after', 'is not a cursor returned by this list');
  if (cursor.length > 512) throw invalid();
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(position) || position.length !== shape.length) throw invalid();
  if (!position.every((part, index) => typeof part === shape[index])) throw invalid();
  // No row holds a NUL character (PostgreSQL text cannot), so no cursor of ours does either.
  if (position.some((part) => typeof part === 'string' && part.includes('\u0000'))) throw invalid();
  return position as { [K in keyof T]: T[K] extends 'string' ? string : number };
}
