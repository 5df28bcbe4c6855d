/**
 * Where the console talks to the gateway, all on the page's own origin. One module, so that a
 * change of route at the gateway is a change here only.
 */
export const OAUTH = {
  clientId: 'hub-console',
  authorizationPath: '/oauth/auth',
  tokenPath: '/oauth/token',
  revocationPath: '/oauth/token/revocation',
  callbackPath: '/callback',
  scope: 'openid offline_access',
  resource: 'urn:migran-center:hub',
} as const;

export const API = {
  sessionPath: '/console/session',
  graphqlPath: '/graphql',
} as const;

/** Keys of the browser storage the console uses (sessionStorage: this tab; localStorage: this browser). */
export const STORAGE = {
  pendingSignIn: 'hub-console.pending-sign-in',
  tokens: 'hub-console.tokens',
  language: 'hub-console.language',
  notice: 'hub-console.notice',
} as const;

/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_MS = 30_000;
