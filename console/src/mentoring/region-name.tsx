import { useQuery } from '../api/use-query.js';
import { VillageNameDocument } from '../graphql/__generated__/graphql.js';

/** "Arjowilangun, Kalipare" for `35.07.11.2008`, from the ministry's region reference; the code until then. */
export function VillageName({ code }: { readonly code: string }) {
  const region = useQuery(VillageNameDocument, { code });
  const found = region.data?.region;
  if (!found) return <>{code}</>;
  return <>{found.parent ? `${found.name}, ${found.parent.name}` : found.name}</>;
}
