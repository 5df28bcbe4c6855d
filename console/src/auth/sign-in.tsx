import { useState } from 'preact/hooks';
import { currentLanguage, useT } from '../i18n/index.js';
import { LanguageSwitch } from '../ui/language-switch.js';
import { PageTitle } from '../ui/page.js';
import { authorizationUrl } from './pkce.js';

export type Notice = 'sessionEnded' | 'signedOut' | 'signInFailed' | 'signInCancelled' | 'callbackInvalid';

/** The start page: what the console is, and "Masuk", which sends the person to the gateway's sign-in. */
export function SignIn({ notice, returnTo }: { readonly notice: Notice | null; readonly returnTo: string }) {
  const { t } = useT();
  const [starting, setStarting] = useState(false);
  const start = async () => {
    setStarting(true);
    window.location.assign(await authorizationUrl(currentLanguage(), returnTo));
  };
  return (
    <div class="sign-in-page">
      <header class="sign-in-header">
        <span class="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" class="sign-in-card">
        <PageTitle title={t('signIn.title')}>{t('signIn.title')}</PageTitle>
        {notice ? (
          <div
            class={`notice ${notice === 'signedOut' ? 'notice-info' : 'notice-error'}`}
            role={notice === 'signedOut' ? 'status' : 'alert'}
          >
            <p>{t(`signIn.notice.${notice}`)}</p>
          </div>
        ) : null}
        <p>{t('signIn.intro')}</p>
        <button type="button" class="button-primary" disabled={starting} onClick={() => void start()}>
          {t('auth.signIn')}
        </button>
        <p class="hint">{t('signIn.hint')}</p>
      </main>
    </div>
  );
}
