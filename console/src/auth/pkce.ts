import { OAUTH, STORAGE } from '../config.js';

/** What the console remembers between sending the person to sign in and their return. */
export interface PendingSignIn {
  readonly verifier: string;
  readonly state: string;
  /** The console path the person was on, to return to after signing in. */
  readonly returnTo: string;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes, base64url: 43 characters, as RFC 7636 asks of a code verifier. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export function redirectUri(): string {
  return `${window.location.origin}${OAUTH.callbackPath}`;
}

/**
 * Starts the authorization code flow with PKCE (S256): the verifier and state stay in this tab's
 * sessionStorage, only the challenge goes to the gateway's authorization endpoint.
 */
export async function authorizationUrl(language: string, returnTo: string): Promise<string> {
  const pending: PendingSignIn = { verifier: randomToken(), state: randomToken(), returnTo };
  sessionStorage.setItem(STORAGE.pendingSignIn, JSON.stringify(pending));
  const params = new URLSearchParams({
    client_id: OAUTH.clientId,
    response_type: 'code',
    redirect_uri: redirectUri(),
    scope: OAUTH.scope,
    resource: OAUTH.resource,
    code_challenge: await s256(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    ui_locales: language,
    // A password every time: at a shared LTSA desk, "Masuk" after "Keluar" must not reuse the
    // previous person's sign-in at the gateway.
    prompt: 'login',
  });
  return `${OAUTH.authorizationPath}?${params.toString()}`;
}

/** The pending sign-in, read once: a callback can be used a single time. */
export function takePendingSignIn(): PendingSignIn | null {
  const raw = sessionStorage.getItem(STORAGE.pendingSignIn);
  sessionStorage.removeItem(STORAGE.pendingSignIn);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<PendingSignIn>;
    if (typeof parsed.verifier !== 'string' || typeof parsed.state !== 'string') return null;
    const returnTo =
      typeof parsed.returnTo === 'string' && parsed.returnTo.startsWith('/') ? parsed.returnTo : '/';
    return { verifier: parsed.verifier, state: parsed.state, returnTo };
  } catch {
    return null;
  }
}
