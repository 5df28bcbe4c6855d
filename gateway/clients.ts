import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { SCOPES_BY_KIND, type InstitutionKind, type Scope } from '../shared/auth/principal.js';
import { generateSecret, hashSecret } from '../shared/auth/secret-hash.js';
import type { Database } from '../shared/db/database.js';
import type { Revocations } from '../shared/auth/revocation-list.js';
import { clients, endedSessions, institutions, type ClientRow, type InstitutionRow } from './db/schema.js';

export interface NewInstitution {
  readonly id?: string;
  readonly name: string;
  readonly kind: InstitutionKind;
  readonly regionCode?: string | null;
}

export async function registerInstitution(
  db: Database,
  institution: NewInstitution,
): Promise<InstitutionRow> {
  if ((institution.kind === 'LABOUR_OFFICE') !== Boolean(institution.regionCode)) {
    throw new Error('A labour office has a region code and no other kind of institution has one.');
  }
  // Labour offices are provincial (Disnakertrans) or of a regency or city (Disnaker); none serves
  // a kecamatan. The statistics' disclosure control counts on it: an office sees its own region's
  // cells exactly, and the protection of everyone else's holds against such an insider.
  if (institution.regionCode && !/^\d{2}(\.\d{2})?$/.test(institution.regionCode)) {
    throw new Error('A labour office serves a province (35) or a regency or city (35.07).');
  }
  const [row] = await db
    .insert(institutions)
    .values({
      ...(institution.id ? { id: institution.id } : {}),
      name: institution.name,
      kind: institution.kind,
      regionCode: institution.regionCode ?? null,
    })
    .returning();
  if (!row) throw new Error('insert into institutions returned no row');
  return row;
}

export interface NewClient {
  readonly institutionId: string;
  readonly label: string;
  readonly scopes: readonly Scope[];
  readonly clientId?: string;
  /** Only for reproducible demo credentials; real clients get a generated secret. */
  readonly clientSecret?: string;
  /** A demo client: production refuses to start while one is active. */
  readonly demo?: boolean;
}

export interface IssuedCredentials {
  readonly clientId: string;
  /** Shown once, to hand to the institution; only its hash is stored. */
  readonly clientSecret: string;
}

/** Registers a client; its scopes may never exceed what its institution kind allows. */
export async function registerClient(db: Database, client: NewClient): Promise<IssuedCredentials> {
  const [institution] = await db.select().from(institutions).where(eq(institutions.id, client.institutionId));
  if (!institution) throw new Error(`Unknown institution ${client.institutionId}`);
  const allowed = new Set<string>(SCOPES_BY_KIND[institution.kind]);
  const excess = client.scopes.filter((scope) => !allowed.has(scope));
  if (excess.length > 0) throw new Error(`A ${institution.kind} client may not hold ${excess.join(', ')}`);
  const clientId = client.clientId ?? `hub-${randomUUID()}`;
  const clientSecret = client.clientSecret ?? generateSecret();
  await db.insert(clients).values({
    clientId,
    institutionId: institution.id,
    secretHash: await hashSecret(clientSecret),
    scopes: [...client.scopes],
    label: client.label,
    demo: client.demo ?? false,
  });
  return { clientId, clientSecret };
}

export interface ClientRecord {
  readonly client: ClientRow;
  /** The institution a machine client acts for; null for the console. */
  readonly institution: InstitutionRow | null;
}

export async function findClient(db: Database, clientId: string): Promise<ClientRecord | null> {
  const [row] = await db
    .select({ client: clients, institution: institutions })
    .from(clients)
    .leftJoin(institutions, eq(institutions.id, clients.institutionId))
    .where(eq(clients.clientId, clientId));
  return row ?? null;
}

/** The console's public OAuth client (authorization code with PKCE); created once, at start. */
export const CONSOLE_CLIENT_ID = 'hub-console';

export async function ensureConsoleClient(db: Database): Promise<void> {
  await db
    .insert(clients)
    .values({
      clientId: CONSOLE_CLIENT_ID,
      type: 'CONSOLE',
      scopes: [],
      label: 'Migran Center console (people signing in)',
      // It may run only the console's own operations (console-documents.ts registers them).
      trustedDocumentsOnly: true,
    })
    .onConflictDoNothing();
}

/** The kill switch: a suspended client gets no new token, and its existing tokens stop working. */
export async function suspendClient(db: Database, clientId: string): Promise<boolean> {
  const rows = await db
    .update(clients)
    .set({ status: 'SUSPENDED', suspendedAt: new Date() })
    .where(eq(clients.clientId, clientId))
    .returning({ clientId: clients.clientId });
  return rows.length > 0;
}

export async function reactivateClient(db: Database, clientId: string): Promise<boolean> {
  const rows = await db
    .update(clients)
    .set({ status: 'ACTIVE', suspendedAt: null })
    .where(eq(clients.clientId, clientId))
    .returning({ clientId: clients.clientId });
  return rows.length > 0;
}

/** Suspended clients and ended console sessions, as every service reads them (`/.well-known/revoked-clients`). */
export async function currentRevocations(db: Database): Promise<Revocations> {
  const [suspended, ended] = await Promise.all([
    suspendedClientIds(db),
    db.select({ grantId: endedSessions.grantId }).from(endedSessions),
  ]);
  return { clients: suspended, sessions: ended.map((row) => row.grantId) };
}

export async function suspendedClientIds(db: Database): Promise<string[]> {
  const rows = await db
    .select({ clientId: clients.clientId })
    .from(clients)
    .where(eq(clients.status, 'SUSPENDED'));
  return rows.map((row) => row.clientId);
}

/** Active clients the demo seed created (their secrets were printed and written to a local file). */
export async function activeDemoClients(db: Database): Promise<string[]> {
  const rows = await db
    .select({ clientId: clients.clientId })
    .from(clients)
    .where(and(eq(clients.demo, true), eq(clients.status, 'ACTIVE')));
  return rows.map((row) => row.clientId);
}

/**
 * Issues a client a new secret and makes the old one useless at once (an institution that lost
 * it, or a routine rotation). Tokens issued before stay valid until they expire; suspend the
 * client as well when they must stop now.
 */
export async function rotateClientSecret(db: Database, clientId: string): Promise<IssuedCredentials | null> {
  const clientSecret = generateSecret();
  const rows = await db
    .update(clients)
    .set({ secretHash: await hashSecret(clientSecret) })
    .where(and(eq(clients.clientId, clientId), eq(clients.type, 'MACHINE')))
    .returning({ clientId: clients.clientId });
  return rows.length > 0 ? { clientId, clientSecret } : null;
}
