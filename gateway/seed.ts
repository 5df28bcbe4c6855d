import type { Database } from '../shared/db/database.js';
import type { World } from '../shared/demo/world.js';
import type { InstitutionKind } from '../shared/auth/principal.js';
import { createAccount, rolesFor, type Role } from './accounts.js';
import { registerClient, registerInstitution } from './clients.js';

export interface DemoCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly institutionId: string;
  readonly institutionKind: string;
  readonly regionCode: string | null;
  readonly scopes: readonly string[];
}

/**
 * Registers the demo institutions and their clients with freshly generated secrets. The secrets
 * are returned once (to be shown and written to the local demo file); only their hashes are kept.
 */
export async function seedGateway(db: Database, world: World): Promise<DemoCredentials[]> {
  for (const institution of world.institutions) await registerInstitution(db, institution);
  const credentials: DemoCredentials[] = [];
  for (const client of world.clients) {
    const institution = world.institutions.find((item) => item.id === client.institutionId);
    if (!institution) throw new Error(`demo client ${client.clientId} names an unknown institution`);
    const issued = await registerClient(db, {
      clientId: client.clientId,
      institutionId: client.institutionId,
      label: client.label,
      scopes: client.scopes,
      demo: true,
    });
    credentials.push({
      ...issued,
      institutionId: institution.id,
      institutionKind: institution.kind,
      regionCode: institution.regionCode,
      scopes: client.scopes,
    });
  }
  return credentials;
}

export interface DemoPerson {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly role: Role;
  readonly institutionId: string;
  readonly institutionName: string;
  readonly institutionKind: InstitutionKind;
}

const ROLE_SLUG: Readonly<Record<Role, string>> = {
  LTSA_OFFICER: 'petugas',
  CASE_OFFICER: 'kasus',
  ANALYST: 'analis',
  AUDITOR: 'auditor',
  TRAINING_REGISTRAR: 'registrar',
  MENTOR: 'mentor',
  INSTITUTION_ADMIN: 'admin',
};
const KIND_SLUG: Readonly<Record<InstitutionKind, string>> = {
  LABOUR_OFFICE: 'disnaker',
  MINISTRY: 'kementerian',
  TRAINING_PROVIDER: 'lpk',
  UNIVERSITY: 'kampus',
};
const NAMES = [
  'Siti Aminah',
  'Dewi Lestari',
  'Budi Santoso',
  'Rina Wulandari',
  'Agus Prasetyo',
  'Nur Hidayah',
  'Eko Saputra',
  'Lina Marlina',
  'Hendra Wijaya',
  'Yuni Astuti',
  'Fajar Nugroho',
  'Maya Sari',
];

/**
 * One person per role at the first demo institution of each kind (Disnaker Kabupaten Malang, the
 * ministry, a training provider, a university), with generated passwords that are returned once
 * (to be shown and written to the local demo file); only their hashes are kept.
 */
export async function seedPeople(db: Database, world: World): Promise<DemoPerson[]> {
  const people: DemoPerson[] = [];
  for (const kind of ['LABOUR_OFFICE', 'MINISTRY', 'TRAINING_PROVIDER', 'UNIVERSITY'] as const) {
    const institution =
      world.institutions.find((item) => item.kind === kind && item.regionCode === '35.07') ??
      world.institutions.find((item) => item.kind === kind);
    if (!institution) continue;
    for (const role of rolesFor(kind)) {
      const displayName = NAMES[people.length % NAMES.length] ?? 'Demo Person';
      const { account, password } = await createAccount(db, {
        institutionId: institution.id,
        username: `${ROLE_SLUG[role]}.${KIND_SLUG[kind]}`,
        displayName,
        role,
        demo: true,
        createdBy: 'demo seed',
      });
      people.push({
        username: account.username,
        password,
        displayName,
        role,
        institutionId: institution.id,
        institutionName: institution.name,
        institutionKind: kind,
      });
    }
  }
  return people;
}
