import { GraphQLError, OperationTypeNode, getOperationAST, type DocumentNode } from 'graphql';

/**
 * One request's deadline (`LIMIT_REQUEST_TIMEOUT_MS`) as its subgraph fetches see it. Once it has
 * passed, reads in flight are aborted and no fetch starts; a mutation fetch already sent is left
 * to finish, since its subgraph may be writing, and the request remembers that one was sent, so
 * that an idempotent mutation keeps its key for the outcome (front-door.ts).
 */
export class RequestDeadline {
  private readonly controller = new AbortController();
  private writes = 0;

  /** Aborts the reads in flight when the deadline passes. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get passed(): boolean {
    return this.controller.signal.aborted;
  }

  /** Whether a fetch that may write (a subgraph mutation) has been sent. */
  get writeSent(): boolean {
    return this.writes > 0;
  }

  pass(): void {
    this.controller.abort(new Error('the request deadline passed'));
  }

  noteWriteSent(): void {
    this.writes += 1;
  }
}

/** Whether a query-plan fetch is a mutation: one the deadline must not cut off once sent. */
export function isWritingFetch(document: DocumentNode | undefined, query: string | undefined): boolean {
  if (document) return getOperationAST(document)?.operation === OperationTypeNode.MUTATION;
  return /^\s*mutation\b/.test(query ?? '');
}

/** A fetch the deadline stopped or never let start: the fields it would have served are null. */
export function stoppedByDeadline(serviceName: string, sent: boolean): GraphQLError {
  const when = sent
    ? `while the ${serviceName} service was answering`
    : `before the ${serviceName} service was asked`;
  return new GraphQLError(`The request took too long and was stopped ${when}.`, {
    extensions: { code: 'TIMEOUT', serviceName },
  });
}
