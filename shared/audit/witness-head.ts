import { decodeJwt, type JWTPayload } from 'jose';
import { STORE_NAMES, type StoreName } from '../db/migrations.js';
import { serviceIssuer } from '../keys/service-keys.js';

/** The JOSE `typ` of a signed chain head: no other statement of a service can pass for one. */
export const CHAIN_HEAD_TYP = 'chain-head+jwt';
/** Where the witnesses (the ministry subgraph and the gateway) take chain heads. */
export const WITNESS_PATH = '/internal/witness/heads';

/** What a chain head says: this service's access log had this event, with this hash, on top. */
export interface ChainHead {
  readonly service: StoreName;
  readonly position: number;
  readonly hash: string;
  readonly signedAt: Date;
}

/** The claims a service signs; `iss` names it and `iat` says when. */
export function chainHeadClaims(head: { readonly position: number; readonly hash: string }): JWTPayload {
  return { position: head.position, hash: head.hash };
}

/** A head that is not even shaped like one (before its signature is looked at). */
export class MalformedHead extends Error {
  constructor(reason: string) {
    super(`Not a chain head: ${reason}`);
    this.name = 'MalformedHead';
  }
}

/** The service a head claims to come from, read before its signature is checked (to pick the key). */
export function claimedIssuer(jwt: string): StoreName {
  let payload: JWTPayload;
  try {
    payload = decodeJwt(jwt);
  } catch {
    throw new MalformedHead('the body is not a compact JWT');
  }
  const service = STORE_NAMES.find((name) => serviceIssuer(name) === payload.iss);
  if (!service) throw new MalformedHead('its issuer is not a hub service');
  return service;
}

const HASH = /^[0-9a-f]{64}$/;

/** The head in verified claims, or MalformedHead when they do not describe one. */
export function chainHeadOf(service: StoreName, payload: JWTPayload): ChainHead {
  const { position, hash, iat } = payload;
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 1) {
    throw new MalformedHead('position must be a positive integer');
  }
  if (typeof hash !== 'string' || !HASH.test(hash)) throw new MalformedHead('hash must be 64 hex digits');
  if (typeof iat !== 'number') throw new MalformedHead('it carries no signing time (iat)');
  return { service, position, hash, signedAt: new Date(iat * 1000) };
}
