import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Kind, parse, validate, type GraphQLSchema } from 'graphql';
import type { Database } from '../shared/db/database.js';
import { clients, trustedDocuments } from './db/schema.js';

export function documentHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

interface Policy {
  readonly trustedOnly: boolean;
  readonly documents: ReadonlyMap<string, string>;
  readonly loadedAt: number;
}

export type TrustedDecision =
  | { readonly kind: 'unrestricted' }
  | { readonly kind: 'trusted'; readonly query: string }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Trusted documents for machine clients: a client flagged `trusted_documents_only` may run only
 * operations registered for it, sent by hash (`extensions.persistedQuery.sha256Hash`, the query
 * text optional) or as the exact registered text. The policy of a client is re-read at most every
 * `maxAgeMs`, so a newly registered operation is usable within that time.
 */
export class TrustedDocuments {
  private readonly policies = new Map<string, Policy>();

  constructor(
    private readonly db: Database,
    private readonly maxAgeMs = 5_000,
  ) {}

  async decide(clientId: string, query: unknown, hash: unknown): Promise<TrustedDecision> {
    const policy = await this.policyOf(clientId);
    if (!policy.trustedOnly) return { kind: 'unrestricted' };
    const key = typeof hash === 'string' ? hash : typeof query === 'string' ? documentHash(query) : null;
    const document = key ? policy.documents.get(key) : undefined;
    if (!document || (typeof query === 'string' && query !== document)) {
      return { kind: 'refused', reason: 'This client may run only the operations registered for it.' };
    }
    return { kind: 'trusted', query: document };
  }

  private async policyOf(clientId: string): Promise<Policy> {
    const cached = this.policies.get(clientId);
    if (cached && Date.now() - cached.loadedAt <= this.maxAgeMs) return cached;
    const [client] = await this.db
      .select({ trustedOnly: clients.trustedDocumentsOnly })
      .from(clients)
      .where(eq(clients.clientId, clientId));
    const documents = client?.trustedOnly
      ? await this.db
          .select({ hash: trustedDocuments.hash, document: trustedDocuments.document })
          .from(trustedDocuments)
          .where(eq(trustedDocuments.clientId, clientId))
      : [];
    const policy: Policy = {
      trustedOnly: client?.trustedOnly ?? false,
      documents: new Map(documents.map((row) => [row.hash, row.document])),
      loadedAt: Date.now(),
    };
    this.policies.set(clientId, policy);
    return policy;
  }
}

/**
 * Why an operation cannot be registered: it must parse, hold exactly one operation and validate
 * against the public schema, so a typo is caught by the operator rather than by the client at 3 a.m.
 */
export function problemsWithDocument(schema: GraphQLSchema, document: string): string[] {
  let parsed;
  try {
    parsed = parse(document);
  } catch (error) {
    return [(error as Error).message];
  }
  const operations = parsed.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return [`expected exactly one operation, found ${operations.length}`];
  return validate(schema, parsed).map((error) => error.message);
}

/** Registers an operation for a client; returns its hash. */
export async function trustDocument(
  db: Database,
  clientId: string,
  document: string,
  name?: string,
): Promise<string> {
  const hash = documentHash(document);
  await db
    .insert(trustedDocuments)
    .values({ clientId, hash, document, name: name ?? null })
    .onConflictDoNothing();
  return hash;
}

export async function restrictToTrustedDocuments(
  db: Database,
  clientId: string,
  restricted: boolean,
): Promise<void> {
  await db.update(clients).set({ trustedDocumentsOnly: restricted }).where(eq(clients.clientId, clientId));
}
