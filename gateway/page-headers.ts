import type { FastifyReply } from 'fastify';

/**
 * The headers of every page the gateway serves to a browser (the console, the explorer): the
 * page's own content security policy, no sniffing, no framing, no referrer, its own browsing
 * context group, and none of the browser's powerful features.
 */
export function pageHeaders(reply: FastifyReply, contentSecurityPolicy: string): FastifyReply {
  return reply
    .header('content-security-policy', contentSecurityPolicy)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
}
