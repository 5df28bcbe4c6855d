import { useEffect, useState } from 'preact/hooks';
import { requestJson } from '../api/rest.js';

interface PeopleAnswer {
  readonly people: readonly { readonly accountId: string; readonly displayName: string }[];
}

const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The names behind the console accounts an access log names as acting subjects (the gateway's
 * `/console/people`), so a worker's report says who read her data, not an id. Subjects that are
 * no console account (a machine client's own reference) stay as they are.
 */
export function usePeopleNames(
  subjects: readonly (string | null | undefined)[],
): ReadonlyMap<string, string> {
  const ids = [
    ...new Set(subjects.filter((subject): subject is string => !!subject && ACCOUNT_ID.test(subject))),
  ]
    .sort()
    .slice(0, 100);
  const key = ids.join(',');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (key === '') return;
    let current = true;
    void requestJson<PeopleAnswer>('GET', `/console/people?ids=${encodeURIComponent(key)}`).then((result) => {
      if (current && result.data) {
        setNames(new Map(result.data.people.map((person) => [person.accountId, person.displayName])));
      }
    });
    return () => {
      current = false;
    };
  }, [key]);
  return names;
}
