import type { AmendmentResolvers } from '../__generated__/resolvers-types.js';
import { visibleChanges } from '../amendment-view.js';

export const Amendment: AmendmentResolvers = {
  changes: (amendment, _args, { principal }) => visibleChanges(amendment, principal),
  supportingDocument: (amendment, _args, { loaders }) =>
    amendment.supportingDocumentId ? loaders.documentById.load(amendment.supportingDocumentId) : null,
  amendedBy: (amendment) => ({ id: amendment.amendedBy }),
};
