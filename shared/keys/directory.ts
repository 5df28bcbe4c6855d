import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  exportJWK,
  jwtVerify,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { SUBGRAPH_NAMES, type HubConfig } from '../config.js';
import { STORE_NAMES, type StoreName } from '../db/migrations.js';
import { SERVICE_KEY_ALG, serviceIssuer } from './service-keys.js';

/** The least time between two fetches of one service's keys. */
const REFETCH_COOLDOWN_MS = 1_000;

/** Where every hub service publishes the public halves of its keys. */
export const SERVICE_KEYS_PATH = '/.well-known/hub-keys.json';

export interface VerifyOptions {
  readonly typ: string;
  /** This service's name: a statement meant for another service is refused. */
  readonly audience: string;
  /** Refuse statements issued longer ago than this (seconds); absent: any age. */
  readonly maxAgeSeconds?: number;
  readonly clockToleranceSeconds?: number;
}

export class SignatureRefused extends Error {
  constructor(
    readonly issuer: StoreName,
    reason: string,
  ) {
    super(`Not a valid statement of the ${issuer} service: ${reason}`);
    this.name = 'SignatureRefused';
  }
}

/**
 * Whose key is whose: checks that a statement was signed by one named hub service. A service's keys
 * are pinned in configuration (`HUB_PINNED_KEYS_FILE`) or fetched from its own
 * `/.well-known/hub-keys.json` and cached, fetched again when a statement names a key id not seen
 * yet (a rotation).
 */
export class KeyDirectory {
  private readonly sets = new Map<StoreName, JWTVerifyGetKey>();

  constructor(
    private readonly pinned: Partial<Record<StoreName, JSONWebKeySet>>,
    /** Base URL of a service, for those not pinned; undefined: that service's keys are unknown. */
    private readonly locate: (service: StoreName) => string | undefined,
  ) {}

  async verify(issuer: StoreName, jwt: string, options: VerifyOptions): Promise<JWTPayload> {
    return (await this.check(issuer, jwt, options)).payload;
  }

  /** `verify`, and the public key that checked it (a witness keeps it beside the statement). */
  async verifyWithKey(
    issuer: StoreName,
    jwt: string,
    options: VerifyOptions,
  ): Promise<{ readonly payload: JWTPayload; readonly publicJwk: JWK }> {
    const { payload, protectedHeader, key } = await this.check(issuer, jwt, options);
    const publicJwk: JWK = { ...(await exportJWK(key)), alg: SERVICE_KEY_ALG };
    if (protectedHeader.kid !== undefined) publicJwk.kid = protectedHeader.kid;
    return { payload, publicJwk };
  }

  private async check(issuer: StoreName, jwt: string, options: VerifyOptions) {
    try {
      return await jwtVerify(jwt, this.keysOf(issuer), {
        algorithms: [SERVICE_KEY_ALG],
        issuer: serviceIssuer(issuer),
        audience: options.audience,
        typ: options.typ,
        clockTolerance: options.clockToleranceSeconds ?? 5,
        ...(options.maxAgeSeconds !== undefined ? { maxTokenAge: options.maxAgeSeconds } : {}),
      });
    } catch (error) {
      throw new SignatureRefused(issuer, error instanceof Error ? error.message : String(error));
    }
  }

  private keysOf(service: StoreName): JWTVerifyGetKey {
    let keys = this.sets.get(service);
    if (keys) return keys;
    const pinned = this.pinned[service];
    if (pinned) {
      keys = createLocalJWKSet(pinned);
    } else {
      let remote: ReturnType<typeof createRemoteJWKSet> | undefined;
      keys = async (header, token) => {
        const base = this.locate(service);
        if (!base) throw new Error(`no keys are known for the ${service} service`);
        remote ??= createRemoteJWKSet(new URL(SERVICE_KEYS_PATH, base), {
          cooldownDuration: REFETCH_COOLDOWN_MS,
          cacheMaxAge: 600_000,
          timeoutDuration: 5_000,
        });
        try {
          return await remote(header, token);
        } catch (error) {
          // A key id not in a set fetched moments ago: a rotation just after the last fetch. The
          // set is fetched again once the cooldown is over (so unknown ids cannot make a service
          // fetch more than once a second), and the statement checked against it.
          if (!(error instanceof errors.JWKSNoMatchingKey) || !remote.coolingDown) throw error;
          await new Promise((resolve) => setTimeout(resolve, REFETCH_COOLDOWN_MS));
          return remote(header, token);
        }
      };
    }
    this.sets.set(service, keys);
    return keys;
  }
}

/** Reads `HUB_PINNED_KEYS_FILE`: `{ "<service>": { "keys": [...] } }`, services named as in the hub. */
export function readPinnedKeys(path: string | undefined): Partial<Record<StoreName, JSONWebKeySet>> {
  if (!path) return {};
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const pinned: Partial<Record<StoreName, JSONWebKeySet>> = {};
  for (const [service, set] of Object.entries(parsed)) {
    if (!STORE_NAMES.includes(service as StoreName)) throw new Error(`${path}: unknown service ${service}`);
    const keys = (set as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(keys)) throw new Error(`${path}: ${service} must be a JWK set ({ "keys": [...] })`);
    pinned[service as StoreName] = set as JSONWebKeySet;
  }
  return pinned;
}

/** Base URL of each service as configured (a subgraph's configured URL is its `/graphql` endpoint). */
export function configuredLocations(config: HubConfig): (service: StoreName) => string {
  return (service) => {
    if (service === 'gateway') return config.gateway.url;
    if ((SUBGRAPH_NAMES as readonly string[]).includes(service))
      return new URL(config.subgraphs[service].url).origin;
    throw new Error(`unknown service ${service}`);
  };
}

/** The directory a service process uses: pinned keys first, else each peer's configured address. */
export function defaultKeyDirectory(
  config: HubConfig,
  locate: (service: StoreName) => string | undefined = configuredLocations(config),
): KeyDirectory {
  return new KeyDirectory(readPinnedKeys(config.keys.pinnedFile), locate);
}
