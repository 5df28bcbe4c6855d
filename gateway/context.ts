import type { Principal, RequestMeta } from '../shared/auth/principal.js';

/** What the gateway knows about a request once its token is verified. */
export interface GatewayContext {
  readonly principal: Principal;
  readonly meta: RequestMeta;
  /** Forwarded unchanged: every subgraph verifies the caller's token itself. */
  readonly authorization: string;
}
