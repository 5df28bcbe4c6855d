import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useState } from 'preact/hooks';
import { execute } from '../api/client.js';
import type { ApiError } from '../api/errors.js';

/**
 * The console's writes: one mutation per form, its refusals kept for the form to show (each
 * BAD_USER_INPUT issue beside the field it names, everything else from the catalogue by code).
 * Shared by the officer's, the registrar's and the mentor's forms.
 */
export interface Write<TData, TVariables> {
  /** Sends the mutation; the answer's data, or null when it was refused (see `errors`). */
  readonly run: (variables: TVariables) => Promise<TData | null>;
  readonly pending: boolean;
  readonly errors: readonly ApiError[];
  /** How many answers came back: a form moves focus to its first problem after each one. */
  readonly attempts: number;
  readonly reset: () => void;
}

export function useWrite<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
): Write<TData, TVariables> {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<readonly ApiError[]>([]);
  const [attempts, setAttempts] = useState(0);
  const run = async (variables: TVariables) => {
    setPending(true);
    const result = await execute(document, variables);
    setPending(false);
    setErrors(result.errors);
    setAttempts((value) => value + 1);
    return result.errors.length === 0 ? result.data : null;
  };
  return { run, pending, errors, attempts, reset: () => setErrors([]) };
}

/** Problems by field name (`nik`, `topics`), from the console's own checks or the API's. */
export type Problems = Readonly<Record<string, string>>;

/**
 * The field an issue names, without the argument it sits in: `input.nik` is `nik`,
 * `input.topics.2` is `topics`, `departedOn` is `departedOn`.
 */
export function issueField(field: string, roots: readonly string[] = ['input']): string {
  const segments = field.split('.');
  const first = segments[0] ?? '';
  return roots.includes(first) && segments.length > 1 ? (segments[1] ?? first) : first;
}

/**
 * The API's BAD_USER_INPUT issues placed beside the form's fields; issues naming a field the form
 * does not have are returned apart, so that the form can still show them.
 */
export function apiProblems(
  errors: readonly ApiError[],
  fields: readonly string[],
  roots: readonly string[] = ['input'],
): { readonly placed: Problems; readonly unplaced: readonly { field: string; message: string }[] } {
  const placed: Record<string, string> = {};
  const unplaced: { field: string; message: string }[] = [];
  for (const error of errors) {
    if (error.code !== 'BAD_USER_INPUT') continue;
    for (const issue of error.issues) {
      const field = issueField(issue.field, roots);
      if (fields.includes(field)) placed[field] ??= issue.message;
      else unplaced.push(issue);
    }
  }
  return { placed, unplaced };
}

/** The fields among `required` that hold nothing, each with the same message. */
export function missing(
  values: Readonly<Record<string, unknown>>,
  required: readonly string[],
  message: string,
): Problems {
  const problems: Record<string, string> = {};
  for (const field of required) {
    const value = values[field];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      problems[field] = message;
  }
  return problems;
}

/** Text as an optional argument: trimmed, and null when empty (the contract's "left out"). */
export function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A whole number typed into a field; undefined when empty, NaN when it is not one. */
export function wholeNumber(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * The end of a calendar day in WIB as an instant (`2027-01-31` is `2027-01-31T16:59:59.000Z`):
 * a consent "valid until 31 January" holds all that day at the desk.
 */
export function endOfDayInWib(date: string): string {
  return new Date(`${date}T23:59:59+07:00`).toISOString();
}

/** Today in WIB as an ISO date, the default of the forms' "on" dates. */
export function todayInWib(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * A message kept across one screen change: a write that leads to another screen (registering a
 * worker opens her record) says there what it did. Read once.
 */
let flash: string | null = null;
export function setFlash(message: string): void {
  flash = message;
}
export function takeFlash(): string | null {
  const message = flash;
  flash = null;
  return message;
}
