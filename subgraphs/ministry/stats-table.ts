import type { RegionStatsKey } from '../../shared/stats.js';

/** What `regionStatsTable` resolves to: the parent's code (`''` for the nation), its cell and its children's. */
export interface RegionStatsTableView {
  readonly parentCode: string;
  readonly total: RegionStatsKey;
  readonly rows: RegionStatsKey[];
}
