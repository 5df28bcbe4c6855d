export type { RegionStatsKey } from '../../shared/stats.js';
