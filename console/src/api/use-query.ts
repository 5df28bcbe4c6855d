import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { execute, type ApiResult } from './client.js';

export interface QueryState<TData> extends ApiResult<TData> {
  readonly loading: boolean;
  /** Asks again; resolves once the new answer is in (so a form can say "saved" over fresh data). */
  readonly reload: () => Promise<void>;
}

/**
 * Runs a query when the component appears and whenever its variables change; an answer that
 * arrives after a newer request was sent is dropped. `skip` waits (e.g. for a filter to be set).
 */
export function useQuery<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { readonly skip?: boolean } = {},
): QueryState<TData> {
  const [result, setResult] = useState<ApiResult<TData>>({ data: null, errors: [] });
  const [loading, setLoading] = useState(!options.skip);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const waiting = useRef<(() => void)[]>([]);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (options.skip) {
      setLoading(false);
      return;
    }
    const request = ++latest.current;
    setLoading(true);
    void execute(document, JSON.parse(key) as TVariables).then((answer) => {
      if (request !== latest.current) return;
      setResult(answer);
      setLoading(false);
      const settled = waiting.current;
      waiting.current = [];
      for (const resolve of settled) resolve();
    });
  }, [document, key, options.skip, generation]);
  const reload = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        setGeneration((value) => value + 1);
      }),
    [],
  );
  return { ...result, loading, reload };
}
