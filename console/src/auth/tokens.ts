import { OAUTH, REFRESH_MARGIN_MS, STORAGE } from '../config.js';

interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

/** The sign-in session is over (idle or absolute expiry, signed out elsewhere): sign in again. */
export class SessionEndedError extends Error {
  constructor() {
    super('The session has ended.');
    this.name = 'SessionEndedError';
  }
}

/** The token endpoint refused for a reason other than an ended session (or could not be reached). */
export class TokenRequestError extends Error {
  constructor(readonly code: string) {
    super(`token request failed: ${code}`);
    this.name = 'TokenRequestError';
  }
}

// Tokens live in this tab's sessionStorage (gone when the tab closes) so that a reload keeps the
// person signed in; the page's Content-Security-Policy admits no script but the console's own.
function load(): Tokens | null {
  const raw = sessionStorage.getItem(STORAGE.tokens);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Tokens;
  } catch {
    return null;
  }
}

function save(tokens: Tokens): void {
  sessionStorage.setItem(STORAGE.tokens, JSON.stringify(tokens));
}

export function forgetTokens(): void {
  sessionStorage.removeItem(STORAGE.tokens);
}

export function hasTokens(): boolean {
  return load() !== null;
}

interface TokenResponse {
  readonly access_token?: string;
  readonly refresh_token?: string;
  readonly expires_in?: number;
  readonly error?: string;
}

async function tokenRequest(params: Record<string, string>): Promise<Tokens> {
  let response: Response;
  try {
    response = await fetch(OAUTH.tokenPath, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, client_id: OAUTH.clientId, resource: OAUTH.resource }),
    });
  } catch {
    throw new TokenRequestError('network');
  }
  const body = (await response.json().catch(() => ({}))) as TokenResponse;
  if (body.error === 'invalid_grant') throw new SessionEndedError();
  if (!response.ok || !body.access_token) throw new TokenRequestError(body.error ?? String(response.status));
  const tokens: Tokens = {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: Date.now() + (body.expires_in ?? 300) * 1000,
  };
  save(tokens);
  return tokens;
}

export async function exchangeCode(code: string, verifier: string, redirectUri: string): Promise<void> {
  await tokenRequest({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
}

let refreshing: Promise<Tokens> | null = null;

/**
 * Exchanges the refresh token for new tokens. Refresh tokens rotate, so the new one replaces the
 * old at once; concurrent callers share one request (a second use of a rotated token would end
 * the session).
 */
export function refresh(): Promise<Tokens> {
  refreshing ??= (async () => {
    try {
      const current = load();
      if (!current?.refreshToken) throw new SessionEndedError();
      return await tokenRequest({ grant_type: 'refresh_token', refresh_token: current.refreshToken });
    } catch (error) {
      if (error instanceof SessionEndedError) forgetTokens();
      throw error;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** A usable access token, refreshed first when it is about to expire. */
export async function accessToken(): Promise<string> {
  const current = load();
  if (!current) throw new SessionEndedError();
  if (current.expiresAt - Date.now() > REFRESH_MARGIN_MS) return current.accessToken;
  return (await refresh()).accessToken;
}

/** Ends the session at the gateway (RFC 7009 revocation of the refresh token), then forgets it. */
export async function revokeAndForget(): Promise<void> {
  const current = load();
  forgetTokens();
  const token = current?.refreshToken ?? current?.accessToken;
  if (!token) return;
  await fetch(OAUTH.revocationPath, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token,
      token_type_hint: current?.refreshToken ? 'refresh_token' : 'access_token',
      client_id: OAUTH.clientId,
    }),
  }).catch(() => undefined); // Signed out here either way; the gateway ends the session on expiry.
}
