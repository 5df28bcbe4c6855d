import type { Database } from '../shared/db/database.js';
import type { World } from '../shared/demo/world.js';
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
