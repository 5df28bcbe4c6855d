import { useState, type FormEvent } from 'react';
import { pastedToken, requestToken, TokenRequestError, type HeldToken } from './token';

interface TokenFormProps {
  readonly token: HeldToken | null;
  readonly onToken: (token: HeldToken | null) => void;
}

function describe(token: HeldToken): string {
  const source = token.source === 'pasted' ? 'Pasted token' : 'Token from client credentials';
  if (token.expiresAt === null) return `${source} in use.`;
  const time = new Date(token.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return `${source} in use, valid until ${time}.`;
}

/**
 * How a person gives the explorer a token: a client's id and secret (the client credentials
 * grant, as an institution's system would), or a token pasted from elsewhere.
 */
export function TokenForm({ token, onToken }: TokenFormProps) {
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function getToken(event: FormEvent) {
    event.preventDefault();
    if (clientId.trim() === '' || clientSecret === '') {
      setProblem('Enter both the client id and its secret.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onToken(await requestToken(clientId, clientSecret));
      // The secret has done its work; it is not kept anywhere.
      setClientSecret('');
    } catch (error) {
      setProblem(error instanceof TokenRequestError ? error.message : 'The token request failed.');
    } finally {
      setBusy(false);
    }
  }

  function takePasted(event: FormEvent) {
    event.preventDefault();
    const held = pastedToken(pasted);
    if (!held) {
      setProblem('Paste a token first.');
      return;
    }
    setProblem(null);
    setPasted('');
    onToken(held);
  }

  return (
    <section className="token-bar" aria-label="Token">
      <form className="token-form" onSubmit={(event) => void getToken(event)}>
        <label>
          Client id
          <input
            name="client_id"
            autoComplete="username"
            value={clientId}
            onChange={(event) => setClientId(event.target.value)}
          />
        </label>
        <label>
          Client secret
          <input
            name="client_secret"
            type="password"
            autoComplete="current-password"
            value={clientSecret}
            onChange={(event) => setClientSecret(event.target.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Getting token…' : 'Get token'}
        </button>
      </form>
      <form className="token-form" onSubmit={takePasted}>
        <label>
          or paste a token
          <input
            name="token"
            autoComplete="off"
            spellCheck={false}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
          />
        </label>
        <button type="submit">Use token</button>
      </form>
      <p className="token-status" role="status">
        {token ? describe(token) : 'No token: requests are refused until you give one.'}
        {token ? (
          <button type="button" className="link-button" onClick={() => onToken(null)}>
            Forget token
          </button>
        ) : null}
      </p>
      {problem ? (
        <p className="token-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
