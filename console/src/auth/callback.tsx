import { useEffect } from 'preact/hooks';
import { useT } from '../i18n/index.js';
import { redirectUri, takePendingSignIn } from './pkce.js';
import type { Notice } from './sign-in.js';
import { exchangeCode } from './tokens.js';

export type CallbackOutcome =
  | { readonly kind: 'signed-in'; readonly returnTo: string }
  | { readonly kind: 'failed'; readonly notice: Notice };

/**
 * The return from the gateway's sign-in: checks the state against the one this tab sent, then
 * exchanges the code with the PKCE verifier for tokens. A callback is used once; a stale or
 * foreign one (another tab, a replayed link) is refused.
 */
export async function completeSignIn(query: URLSearchParams): Promise<CallbackOutcome> {
  const pending = takePendingSignIn();
  const error = query.get('error');
  if (error)
    return { kind: 'failed', notice: error === 'access_denied' ? 'signInCancelled' : 'signInFailed' };
  const code = query.get('code');
  if (!pending || !code || query.get('state') !== pending.state)
    return { kind: 'failed', notice: 'callbackInvalid' };
  try {
    await exchangeCode(code, pending.verifier, redirectUri());
    return { kind: 'signed-in', returnTo: pending.returnTo };
  } catch {
    return { kind: 'failed', notice: 'signInFailed' };
  }
}

export function Callback({
  query,
  onDone,
}: {
  readonly query: URLSearchParams;
  readonly onDone: (outcome: CallbackOutcome) => void;
}) {
  const { t } = useT();
  useEffect(() => {
    void completeSignIn(query).then(onDone);
    // The callback runs once, for the query it arrived with.
  }, []);
  return (
    <main id="main" class="sign-in-card">
      <p role="status">{t('signIn.completing')}</p>
    </main>
  );
}
