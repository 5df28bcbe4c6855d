import type { FastifyReply } from 'fastify';

/**
 * Stands in for the reply while Apollo's Fastify handler works: what it would set (status,
 * headers) is held until the gateway knows whether that answer still goes out. Past the deadline
 * the client already has its 504, yet a timed-out mutation's own outcome, status included, is
 * what its idempotency key keeps. The handler uses only `code`, `header` and, for a streamed
 * answer, `send`.
 */
export class HeldReply {
  statusCode = 200;
  private readonly headers = new Map<string, string>();
  private streamed: unknown = undefined;

  code(status: number): this {
    this.statusCode = status;
    return this;
  }

  header(key: string, value: string): this {
    this.headers.set(key, value);
    return this;
  }

  send(payload: unknown): this {
    this.streamed = payload;
    return this;
  }

  /** The handler's result as Fastify's handler would have sent it, now on the real reply. */
  sendThrough(reply: FastifyReply, result: unknown): unknown {
    for (const [key, value] of this.headers) void reply.header(key, value);
    void reply.code(this.statusCode);
    return result === this ? reply.send(this.streamed) : result;
  }

  /** The complete answer's body, or null for a streamed one (the gateway does not stream). */
  bodyOf(result: unknown): string | null {
    return typeof result === 'string' ? result : null;
  }
}
