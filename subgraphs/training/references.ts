/**
 * Entities owned by other subgraphs, as this subgraph hands them out: the key and nothing else.
 * The gateway fetches every other field from the owner, which applies its own row rules.
 */
export interface WorkerReference {
  readonly id: string;
  /**
   * The worker's kecamatan, as the labour subgraph states it in the representation when a field
   * `@requires` it (the access events); absent when only the key was sent.
   */
  readonly districtCode?: string | null;
}
