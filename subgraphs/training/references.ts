/**
 * Entities owned by other subgraphs, as this subgraph hands them out: the key and nothing else.
 * The gateway fetches every other field from the owner, which applies its own row rules.
 */
export interface WorkerReference {
  readonly id: string;
}
