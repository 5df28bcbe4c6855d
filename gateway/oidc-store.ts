import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { HubConfig } from '../shared/config.js';
import type { Database } from '../shared/db/database.js';
import { findClient } from './clients.js';
import { endedSessions, oidcPayloads } from './db/schema.js';

/** oidc-provider sessions (the sign-in cookie's record) that hold a grant, for any client. */
export function sessionHolding(grantId: string): SQL {
  return and(
    eq(oidcPayloads.model, 'Session'),
    sql`exists (select 1 from jsonb_each(coalesce(${oidcPayloads.payload}->'authorizations', '{}'::jsonb)) a
      where a.value->>'grantId' = ${grantId})`,
  ) as SQL;
}

/** The console's sign-in callback on each origin it is served from. */
export function consoleRedirectUris(config: HubConfig, origins: ReadonlySet<string>): string[] {
  return [...new Set([config.tokens.issuer, ...origins])].map(
    (origin) => `${origin.replace(/\/$/, '')}/callback`,
  );
}

/**
 * oidc-provider's storage, in the gateway's database so that every gateway replica sees the same
 * sessions, interactions, codes, refresh tokens and grants. Clients are not stored here: they come
 * from the client registry, and a suspended client does not exist as far as OAuth is concerned.
 * Machine clients' tokens are self-contained JWTs and leave nothing behind.
 */
export function oidcAdapter(db: Database, config: HubConfig, consoleOrigins: ReadonlySet<string>) {
  let lastSweep = 0;
  return class HubOidcAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') return this.findClient(id);
      const [row] = await db
        .select()
        .from(oidcPayloads)
        .where(and(eq(oidcPayloads.model, this.model), eq(oidcPayloads.id, id)));
      return row ? this.payloadOf(row) : undefined;
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const [row] = await db
        .select()
        .from(oidcPayloads)
        .where(and(eq(oidcPayloads.model, this.model), eq(oidcPayloads.uid, uid)));
      return row ? this.payloadOf(row) : undefined;
    }

    findByUserCode(): Promise<undefined> {
      return Promise.resolve(undefined);
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const values = {
        model: this.model,
        id,
        payload,
        grantId: typeof payload.grantId === 'string' ? payload.grantId : null,
        uid: typeof payload.uid === 'string' ? payload.uid : null,
        expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      };
      await db
        .insert(oidcPayloads)
        .values(values)
        .onConflictDoUpdate({
          target: [oidcPayloads.model, oidcPayloads.id],
          set: { payload, grantId: values.grantId, uid: values.uid, expiresAt: values.expiresAt },
        });
      await sweep();
    }

    async consume(id: string): Promise<void> {
      await db
        .update(oidcPayloads)
        .set({ consumedAt: sql`now()` })
        .where(and(eq(oidcPayloads.model, this.model), eq(oidcPayloads.id, id)));
    }

    async destroy(id: string): Promise<void> {
      await db.delete(oidcPayloads).where(and(eq(oidcPayloads.model, this.model), eq(oidcPayloads.id, id)));
    }

    /**
     * A grant is revoked when its person signs out, when a refresh token or code is used twice
     * (oidc-provider's replay detection) or when an account is disabled: its tokens go, and the
     * session is recorded as ended so that every service refuses its access tokens at once.
     */
    async revokeByGrantId(grantId: string): Promise<void> {
      await db.delete(oidcPayloads).where(eq(oidcPayloads.grantId, grantId));
      // The sign-in session that holds the grant goes too: at a shared desk, the next person to
      // press "Masuk" must be asked for a password, not be signed in as the last one.
      await db.delete(oidcPayloads).where(sessionHolding(grantId));
      await db
        .insert(endedSessions)
        .values({ grantId, forgetAfter: new Date(Date.now() + 2 * config.tokens.ttlSeconds * 1000) })
        .onConflictDoNothing();
    }

    private payloadOf(row: typeof oidcPayloads.$inferSelect): AdapterPayload | undefined {
      if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return undefined;
      const payload = row.payload as AdapterPayload;
      return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
    }

    private async findClient(id: string): Promise<AdapterPayload | undefined> {
      const record = await findClient(db, id);
      if (!record || record.client.status !== 'ACTIVE') return undefined;
      const { client, institution } = record;
      if (client.type === 'CONSOLE') {
        // A public client in the browser: no secret, so PKCE is required (oidc-provider's default
        // for token_endpoint_auth_method none), and refresh tokens rotate on every use.
        return {
          client_id: client.clientId,
          application_type: 'web',
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: consoleRedirectUris(config, consoleOrigins),
          scope: 'openid offline_access',
        };
      }
      if (!institution || !client.secretHash) return undefined;
      return {
        client_id: client.clientId,
        // Holds the scrypt hash, never the secret; see compareClientSecret in oauth.ts.
        client_secret: client.secretHash,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
        scope: client.scopes.join(' '),
        institution_id: institution.id,
        institution_kind: institution.kind,
        region_code: institution.regionCode,
      };
    }
  };

  /** Forgets expired artefacts and ended sessions no token can outlive, at most once a minute. */
  async function sweep(): Promise<void> {
    if (Date.now() - lastSweep < 60_000) return;
    lastSweep = Date.now();
    await db.delete(oidcPayloads).where(lt(oidcPayloads.expiresAt, sql`now()`));
    await db.delete(endedSessions).where(lt(endedSessions.forgetAfter, sql`now()`));
  }
}
