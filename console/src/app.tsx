import { useEffect, useState } from 'preact/hooks';
import { whenSessionEnds } from './api/client.js';
import { Callback, type CallbackOutcome } from './auth/callback.js';
import { fetchPerson, type Person } from './auth/person.js';
import { SignIn, type Notice } from './auth/sign-in.js';
import { forgetTokens, hasTokens, revokeAndForget } from './auth/tokens.js';
import { OAUTH } from './config.js';
import { navigate, useLocation } from './router.js';
import { Screens } from './screens.js';
import { Header, SkipLink } from './ui/header.js';
import { homeOf } from './ui/navigation.js';
import { Loading } from './ui/page.js';

type Phase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'signed-out'; readonly notice: Notice | null }
  | { readonly kind: 'signed-in'; readonly person: Person };

/** Signed out, signing in, or signed in: the console's one piece of global state. */
export function App() {
  const location = useLocation();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });

  const endSession = (notice: Notice) => {
    forgetTokens();
    setPhase({ kind: 'signed-out', notice });
  };
  const loadPerson = async (returnTo?: string) => {
    try {
      const person = await fetchPerson();
      setPhase({ kind: 'signed-in', person });
      if (returnTo !== undefined)
        navigate(returnTo === '/' ? homeOf(person.role) : returnTo, { replace: true });
    } catch {
      endSession('sessionEnded');
    }
  };

  useEffect(() => {
    whenSessionEnds(() => endSession('sessionEnded'));
    if (location.path === OAUTH.callbackPath) return;
    if (hasTokens()) void loadPerson();
    else setPhase({ kind: 'signed-out', notice: null });
  }, []);

  if (location.path === OAUTH.callbackPath) {
    const done = (outcome: CallbackOutcome) => {
      if (outcome.kind === 'signed-in') {
        void loadPerson(outcome.returnTo);
        return;
      }
      navigate('/', { replace: true });
      setPhase({ kind: 'signed-out', notice: outcome.notice });
    };
    return <Callback query={location.query} onDone={done} />;
  }
  switch (phase.kind) {
    case 'starting':
      return (
        <main id="main" class="sign-in-card">
          <Loading />
        </main>
      );
    case 'signed-out':
      return <SignIn notice={phase.notice} returnTo={`${location.path}${window.location.search}`} />;
    case 'signed-in': {
      const signOut = async () => {
        await revokeAndForget();
        navigate('/', { replace: true });
        setPhase({ kind: 'signed-out', notice: 'signedOut' });
      };
      return (
        <>
          <SkipLink />
          <Header person={phase.person} onSignOut={() => void signOut()} />
          <main id="main" class="app-main">
            <Screens person={phase.person} location={location} />
          </main>
        </>
      );
    }
  }
}
