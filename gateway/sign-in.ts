import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Database } from '../shared/db/database.js';
import type { Logger } from '../shared/logging.js';
import { signIn } from './accounts.js';
import { expiredPage, languageOf, SIGN_IN_CSS, signInPage } from './sign-in-page.js';

// The console's sign-in, the one part of the authorization code flow oidc-provider leaves to the
// application: it sends the browser to `/interaction/:uid`, we check the person's password (with
// lockout, accounts.ts) and hand the account back to it. The console is the hub's own application,
// so signing in is the consent: the grant is given without a second page.

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

function html(reply: FastifyReply, status: number, body: string) {
  return reply.code(status).headers(PAGE_HEADERS).send(body);
}

interface Interaction {
  readonly uid: string;
  readonly prompt: { readonly name: string; readonly details: Record<string, unknown> };
  readonly params: Record<string, unknown>;
  readonly session?: { readonly accountId?: string } | undefined;
  readonly grantId?: string | undefined;
}

export function mountSignIn(
  app: FastifyInstance,
  provider: () => Provider,
  db: Database,
  logger: Logger,
): void {
  app.get('/interaction-assets/sign-in.css', (_request, reply) =>
    reply
      .header('content-type', 'text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(SIGN_IN_CSS),
  );

  /** The interaction behind this request, or null when its cookie is gone or it expired. */
  async function interaction(request: FastifyRequest, reply: FastifyReply): Promise<Interaction | null> {
    try {
      return await provider().interactionDetails(request.raw, reply.raw);
    } catch {
      return null;
    }
  }

  /** Grants the console what it asked for (it is the hub's own application) and resumes the flow. */
  async function consent(details: Interaction, request: FastifyRequest, reply: FastifyReply) {
    const { Grant } = provider();
    const accountId = details.session?.accountId;
    const clientId = String(details.params['client_id']);
    const grant =
      (details.grantId ? await Grant.find(details.grantId) : undefined) ?? new Grant({ accountId, clientId });
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    const target = await provider().interactionResult(
      request.raw,
      reply.raw,
      { consent: { grantId } },
      {
        mergeWithLastSubmission: true,
      },
    );
    return reply.redirect(target, 303);
  }

  app.get<{ Params: { uid: string }; Querystring: { lang?: string } }>(
    '/interaction/:uid',
    async (request, reply) => {
      const details = await interaction(request, reply);
      const language = languageOf(request.query.lang, details?.params['ui_locales'] as string | undefined);
      if (!details || details.uid !== request.params.uid) return html(reply, 410, expiredPage(language));
      if (details.prompt.name === 'consent') return consent(details, request, reply);
      return html(reply, 200, signInPage({ uid: details.uid, language }));
    },
  );

  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body, parsed) => parsed(null, new URLSearchParams(String(body))),
    );
    scope.post<{ Params: { uid: string }; Body: URLSearchParams }>(
      '/interaction/:uid',
      async (request, reply) => {
        const form = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
        const details = await interaction(request, reply);
        const language = languageOf(form.get('lang'), details?.params['ui_locales'] as string | undefined);
        if (!details || details.uid !== request.params.uid || details.prompt.name !== 'login') {
          return html(reply, 410, expiredPage(language));
        }
        const username = (form.get('username') ?? '').slice(0, 64);
        const result = await signIn(db, username, (form.get('password') ?? '').slice(0, 256));
        if (result.kind !== 'signed-in') {
          logger.info({ outcome: result.kind }, 'console sign-in refused');
          return html(reply, 401, signInPage({ uid: details.uid, language, username, problem: result }));
        }
        logger.info({ accountId: result.account.id }, 'console sign-in');
        const target = await provider().interactionResult(
          request.raw,
          reply.raw,
          { login: { accountId: result.account.id } },
          { mergeWithLastSubmission: false },
        );
        return reply.redirect(target, 303);
      },
    );
    done();
  });
}
