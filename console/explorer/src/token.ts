/**
 * The explorer's bearer token: obtained from the gateway's token endpoint with a client's
 * credentials, or pasted. It lives in this tab's sessionStorage only (gone when the tab closes,
 * never in localStorage, where it would outlive the person's work on a shared office computer).
 */
const TOKEN_KEY = 'hub-explorer-token';

export interface HeldToken {
  readonly value: string;
  /** When the gateway said it expires (epoch ms); unknown for a pasted token. */
  readonly expiresAt: number | null;
  readonly source: 'client-credentials' | 'pasted';
}

export function loadToken(): HeldToken | null {
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<HeldToken>;
    return typeof parsed.value === 'string' && parsed.value !== ''
      ? {
          value: parsed.value,
          expiresAt: typeof parsed.expiresAt === 'number' ? parsed.expiresAt : null,
          source: parsed.source === 'client-credentials' ? 'client-credentials' : 'pasted',
        }
      : null;
  } catch {
    return null;
  }
}

export function saveToken(token: HeldToken | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, JSON.stringify(token));
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** A pasted value may carry its `Bearer ` prefix or stray whitespace; the header adds its own. */
export function pastedToken(text: string): HeldToken | null {
  const value = text.trim().replace(/^bearer\s+/i, '');
  return value === '' ? null : { value, expiresAt: null, source: 'pasted' };
}

interface TokenReply {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
  readonly error?: unknown;
  readonly error_description?: unknown;
}

/** Thrown with a message a person can act on: the gateway's own reason when it gave one. */
export class TokenRequestError extends Error {}

/** The OAuth 2 client credentials grant against the gateway that served this page. */
export async function requestToken(clientId: string, clientSecret: string): Promise<HeldToken> {
  let response: Response;
  try {
    response = await fetch('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId.trim(),
        client_secret: clientSecret,
      }),
    });
  } catch {
    throw new TokenRequestError('The gateway could not be reached. Is the hub running?');
  }
  let reply: TokenReply;
  try {
    reply = (await response.json()) as TokenReply;
  } catch {
    throw new TokenRequestError(`The token endpoint answered ${response.status} without JSON.`);
  }
  if (!response.ok || typeof reply.access_token !== 'string') {
    const reason = typeof reply.error_description === 'string' ? reply.error_description : undefined;
    const code = typeof reply.error === 'string' ? reply.error : `HTTP ${response.status}`;
    throw new TokenRequestError(reason ? `${reason} (${code})` : `No token was issued (${code}).`);
  }
  const expiresIn = typeof reply.expires_in === 'number' ? reply.expires_in : null;
  return {
    value: reply.access_token,
    expiresAt: expiresIn === null ? null : Date.now() + expiresIn * 1000,
    source: 'client-credentials',
  };
}
