import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './explorer.css';
import { hubFetcher } from './fetcher';
import { loadToken, saveToken, type HeldToken } from './token';
import { TokenForm } from './token-form';

const FIRST_QUERY = `# The hub's API as your token allows it. Ctrl+Enter runs the query.
{
  workers(first: 1) {
    totalCount
  }
}
`;

function Explorer() {
  const [token, setToken] = useState<HeldToken | null>(loadToken);
  // A new fetcher makes GraphiQL load the schema again, now with the token.
  const fetcher = useMemo(() => hubFetcher(token?.value ?? null), [token]);
  const holdToken = (next: HeldToken | null) => {
    saveToken(next);
    setToken(next);
  };
  return (
    <div className="explorer">
      <header className="explorer-header">
        <h1>Migran Center API explorer</h1>
        <TokenForm token={token} onToken={holdToken} />
      </header>
      <main className="explorer-editor">
        {/* Tabs and history stay in this tab's sessionStorage; headers are never persisted. */}
        <GraphiQL
          fetcher={fetcher}
          storage={sessionStorage}
          defaultQuery={FIRST_QUERY}
          shouldPersistHeaders={false}
          forcedTheme="light"
        />
      </main>
    </div>
  );
}

const root = document.getElementById('explorer');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Explorer />
    </StrictMode>,
  );
