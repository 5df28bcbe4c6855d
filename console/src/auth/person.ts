import { API } from '../config.js';
import { accessToken, refresh, SessionEndedError } from './tokens.js';

export const ROLES = [
  'LTSA_OFFICER',
  'CASE_OFFICER',
  'ANALYST',
  'AUDITOR',
  'TRAINING_REGISTRAR',
  'MENTOR',
  'INSTITUTION_ADMIN',
] as const;
export type Role = (typeof ROLES)[number];
export type InstitutionKind = 'LABOUR_OFFICE' | 'MINISTRY' | 'TRAINING_PROVIDER' | 'UNIVERSITY';

/** The signed-in person, as the gateway's `/console/session` describes them. */
export interface Person {
  readonly accountId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly institution: {
    readonly id: string;
    readonly name: string;
    readonly kind: InstitutionKind;
    readonly regionCode: string | null;
  };
  readonly scopes: readonly string[];
}

async function ask(token: string): Promise<Response> {
  return fetch(API.sessionPath, { headers: { authorization: `Bearer ${token}` } });
}

/** Who is signed in; SessionEndedError when nobody is (any more). */
export async function fetchPerson(): Promise<Person> {
  let response = await ask(await accessToken());
  if (response.status === 401) response = await ask((await refresh()).accessToken);
  if (response.status === 401) throw new SessionEndedError();
  if (!response.ok) throw new Error(`session request failed: ${response.status}`);
  return (await response.json()) as Person;
}
