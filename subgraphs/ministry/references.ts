/**
 * Entities owned by other subgraphs, as this subgraph receives them: the key, plus the fields
 * named in `@requires`, which the gateway fetches from their owner and sends along. Anyone holding
 * a token can send any representation, so every field beyond the key is checked before use.
 */

/** A worker (owned by labour); `districtCode` arrives for `Worker.cases`. */
export interface WorkerRepresentation {
  readonly id: string;
  readonly districtCode?: unknown;
}

/** A placement (owned by labour) with the facts `Placement.compliance` requires. */
export interface PlacementRepresentation {
  readonly id: string;
  readonly agency?: unknown;
  readonly jobOrder?: unknown;
  readonly scheme?: unknown;
  readonly channel?: unknown;
  readonly destinationCountry?: unknown;
  readonly plannedDepartureDate?: unknown;
  readonly departureDate?: unknown;
  readonly missingDocuments?: unknown;
  /** `{ certifications }`, as training showed them to the caller. */
  readonly worker?: unknown;
}
