import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import type Provider from 'oidc-provider';
import type { HubConfig } from '../shared/config.js';
import type { Database } from '../shared/db/database.js';
import type { KeySealer } from '../shared/keys/sealing.js';
import {
  ensureSigningKey,
  loadCookieKeys,
  loadKeySet,
  publicJwks,
  rotateSigningKey,
  type KeySet,
} from './keys.js';
import { createAuthorizationServer } from './oauth.js';

type Callback = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The gateway's token side: the authorization server signing with the active key, and the public
 * key set that verifies tokens of the active and recently retired keys.
 */
export class TokenAuthority {
  private state!: { keySet: KeySet; provider: Provider; callback: Callback; getKey: JWTVerifyGetKey };

  private constructor(
    private readonly config: HubConfig,
    private readonly db: Database,
    private readonly sealer: KeySealer,
    private readonly consoleOrigins: ReadonlySet<string>,
  ) {}

  static async open(
    config: HubConfig,
    db: Database,
    sealer: KeySealer,
    consoleOrigins: ReadonlySet<string> = new Set(),
  ): Promise<TokenAuthority> {
    await ensureSigningKey(db, sealer);
    const authority = new TokenAuthority(config, db, sealer, consoleOrigins);
    await authority.reload();
    return authority;
  }

  /** Re-reads the keys (after a rotation here or by another replica). */
  async reload(): Promise<void> {
    const keySet = await loadKeySet(this.db, this.config.tokens.ttlSeconds, this.sealer);
    const provider = createAuthorizationServer(this.config, this.db, keySet, {
      cookieKeys: await loadCookieKeys(this.db),
      consoleOrigins: this.consoleOrigins,
    });
    this.state = {
      keySet,
      provider,
      callback: provider.callback(),
      getKey: createLocalJWKSet(publicJwks(keySet)),
    };
  }

  /** Signs new tokens with a fresh key; tokens signed with the previous one stay valid until they expire. */
  async rotate(): Promise<string> {
    const kid = await rotateSigningKey(this.db, this.sealer);
    await this.reload();
    return kid;
  }

  get callback(): Callback {
    return this.state.callback;
  }

  /** The authorization server itself, for the sign-in page's interaction calls. */
  get provider(): Provider {
    return this.state.provider;
  }

  get jwks() {
    return publicJwks(this.state.keySet);
  }

  /**
   * Which key set verifies tokens now: a new object after every reload, so that tokens verified
   * against the previous set are verified again (a key taken out stops its tokens at once).
   */
  readonly keysVersion = (): unknown => this.state.keySet;

  /** Key resolver for verifying tokens at the gateway itself, without a network round trip. */
  readonly getKey: JWTVerifyGetKey = (header, token) => this.state.getKey(header, token);
}
