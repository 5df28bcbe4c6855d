import { createHash, randomBytes } from 'node:crypto';

// A person signing in to the console as a browser would, with fetch and a cookie jar: the
// authorization code flow with PKCE against the gateway, the sign-in page, the code exchange.

export const CONSOLE_CLIENT = 'hub-console';
export const HUB_AUDIENCE = 'urn:migran-center:hub';

/** Cookies as a browser keeps them for one origin (path and expiry ignored: tests are short). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface ConsoleTokens {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly expires_in: number;
}

export interface SignInAttempt {
  /** The sign-in page's answer to the password (HTTP status and body), when it did not go through. */
  readonly page?: { readonly status: number; readonly body: string };
  readonly tokens?: ConsoleTokens;
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** Follows redirects by hand (fetch would drop the cookies) until one leaves for the console's callback. */
async function follow(
  base: string,
  start: string,
  jar: CookieJar,
  callback: string,
): Promise<Response | URL> {
  let location = start;
  for (let hop = 0; hop < 10; hop += 1) {
    const url = new URL(location, base);
    if (url.href.startsWith(callback)) return url;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response);
    const next = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !next) return response;
    location = next;
  }
  throw new Error('too many redirects');
}

/** Signs a person in through the gateway's real authorization server and sign-in page. */
export async function signInToConsole(
  gatewayUrl: string,
  username: string,
  password: string,
  options: { readonly jar?: CookieJar; readonly verifier?: string; readonly language?: 'id' | 'en' } = {},
): Promise<SignInAttempt> {
  const jar = options.jar ?? new CookieJar();
  const { verifier, challenge } = pkce();
  const callback = `${gatewayUrl}/callback`;
  const state = randomBytes(8).toString('hex');
  const authorize = new URL('/oauth/auth', gatewayUrl);
  for (const [key, value] of Object.entries({
    client_id: CONSOLE_CLIENT,
    response_type: 'code',
    redirect_uri: callback,
    scope: 'openid',
    resource: HUB_AUDIENCE,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    ui_locales: options.language ?? 'id',
  }))
    authorize.searchParams.set(key, value);
  const page = await follow(gatewayUrl, authorize.href, jar, callback);
  if (page instanceof URL) throw new Error('signed in without being asked for a password');
  const form = /<form method="post" action="([^"]+)"/.exec(await page.text());
  if (!form?.[1]) throw new Error(`no sign-in form (HTTP ${page.status})`);
  const posted = await fetch(new URL(form[1], gatewayUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ username, password, lang: options.language ?? 'id' }),
  });
  jar.store(posted);
  const next = posted.headers.get('location');
  if (!next) return { page: { status: posted.status, body: await posted.text() } };
  const landed = await follow(gatewayUrl, next, jar, callback);
  if (!(landed instanceof URL))
    throw new Error(`the flow stopped at HTTP ${landed.status}: ${(await landed.text()).slice(0, 300)}`);
  if (landed.searchParams.get('state') !== state) throw new Error('state did not come back');
  const code = landed.searchParams.get('code');
  if (!code) throw new Error(`no code: ${landed.searchParams.get('error_description') ?? landed.href}`);
  const tokens = await exchange(gatewayUrl, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: callback,
    code_verifier: options.verifier ?? verifier,
  });
  return { tokens: (await tokens.json()) as ConsoleTokens };
}

/** A token request of the console client (code exchange, refresh). */
export function exchange(gatewayUrl: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${gatewayUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CONSOLE_CLIENT, resource: HUB_AUDIENCE, ...form }),
  });
}

/** Sign-out: the refresh token revoked (RFC 7009), which ends the session. */
export function signOut(gatewayUrl: string, refreshToken: string): Promise<Response> {
  return fetch(`${gatewayUrl}/oauth/token/revocation`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: CONSOLE_CLIENT,
      token: refreshToken,
      token_type_hint: 'refresh_token',
    }),
  });
}
