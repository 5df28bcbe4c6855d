import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useRef, useState } from 'preact/hooks';
import { execute } from '../api/client.js';
import type { ApiError } from '../api/errors.js';

export interface ActionState {
  readonly busy: boolean;
  /** The refusal of the last attempt (shown by code; BAD_USER_INPUT also beside its field). */
  readonly errors: readonly ApiError[];
  /** Set when the last attempt succeeded, until the next one starts. */
  readonly succeeded: boolean;
}

/**
 * One write of a screen (a note, a status, a sanction): sends the mutation, keeps its refusal for
 * the form, and tells the screen when it worked so that it can reload what it shows. A second
 * submit while one is under way is ignored.
 */
export function useAction<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
): readonly [ActionState, (variables: TVariables) => Promise<TData | null>, () => void] {
  const [state, setState] = useState<ActionState>({ busy: false, errors: [], succeeded: false });
  const busy = useRef(false);
  const run = useCallback(
    async (variables: TVariables) => {
      if (busy.current) return null;
      busy.current = true;
      setState({ busy: true, errors: [], succeeded: false });
      const result = await execute(document, variables);
      busy.current = false;
      const ok = result.errors.length === 0 && result.data !== null;
      setState({ busy: false, errors: result.errors, succeeded: ok });
      return ok ? result.data : null;
    },
    [document],
  );
  const reset = useCallback(() => setState({ busy: false, errors: [], succeeded: false }), []);
  return [state, run, reset] as const;
}
