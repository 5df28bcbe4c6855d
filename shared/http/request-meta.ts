import type { IncomingHttpHeaders } from 'node:http';
import { HEADERS, type Person, type RequestMeta } from '../auth/principal.js';

const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{Zs}]*$/u;

/** A caller-supplied header, kept only when it is short printable text (it ends up in the access log). */
function headerText(headers: IncomingHttpHeaders, name: string, maxLength: number): string | null {
  const value = headers[name];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > maxLength || !PRINTABLE.test(trimmed)) return null;
  return trimmed;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** A request id header when it is well formed (it is logged and kept in the access log). */
export function requestIdHeader(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' && REQUEST_ID.test(value) ? value : null;
}

/**
 * What a request says about itself for the access log. `requestId` is the hub's own id;
 * `clientRequestId` is the caller's `X-Request-Id`, or, for a request the gateway forwarded, the
 * client's id as the gateway passed it on.
 */
export function requestMetaOf(
  headers: IncomingHttpHeaders,
  requestId: string,
  options: { readonly forwardedByGateway?: boolean; readonly person?: Person | null } = {},
): RequestMeta {
  return {
    requestId,
    clientRequestId: requestIdHeader(
      headers,
      options.forwardedByGateway ? HEADERS.clientRequestId : HEADERS.requestId,
    ),
    // A person signed in to the console is the acting subject, whatever a header says; a machine
    // client reports the person it acts for itself.
    actingSubject: options.person
      ? options.person.accountId
      : headerText(headers, HEADERS.actingSubject, 200),
    purpose: headerText(headers, HEADERS.purpose, 200),
    caseReference: headerText(headers, HEADERS.caseReference, 100),
  };
}

/** Headers a service forwards when it calls the graph on behalf of its caller. */
export function forwardedHeaders(authorization: string, meta: RequestMeta): Record<string, string> {
  return {
    [HEADERS.authorization]: authorization,
    [HEADERS.requestId]: meta.requestId,
    ...(meta.clientRequestId ? { [HEADERS.clientRequestId]: meta.clientRequestId } : {}),
    ...(meta.actingSubject ? { [HEADERS.actingSubject]: meta.actingSubject } : {}),
    ...(meta.purpose ? { [HEADERS.purpose]: meta.purpose } : {}),
    ...(meta.caseReference ? { [HEADERS.caseReference]: meta.caseReference } : {}),
  };
}
