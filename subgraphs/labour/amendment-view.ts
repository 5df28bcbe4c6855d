import type { Principal } from '../../shared/auth/principal.js';
import { isMasked } from '../../shared/rules.js';
import { maskNik } from '../../shared/validation/nik.js';
import type { AmendmentRow } from './db/schema.js';
import { access } from './permissions.js';

export interface AmendedValueView {
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

/**
 * An amendment's old and new values go no further than the field itself: a value the caller may
 * read in full is shown, a masked field (the NIK) is masked the same way, and a change of a field
 * the caller may not read at all is left out. The declaration in permissions.ts decides.
 */
export function visibleChanges(amendment: AmendmentRow, principal: Principal): AmendedValueView[] {
  const rules = access.fields[amendment.entityType] ?? {};
  return amendment.changes.flatMap((change): AmendedValueView[] => {
    const rule = rules[change.field];
    if (!rule) return [];
    if (isMasked(rule)) {
      if (rule.value.refusal(principal) === null)
        return [{ field: change.field, oldValue: change.old, newValue: change.new }];
      if (rule.field.refusal(principal) !== null) return [];
      const mask = (value: string | null) => (value === null ? null : maskNik(value));
      return [{ field: change.field, oldValue: mask(change.old), newValue: mask(change.new) }];
    }
    if (rule.refusal(principal) !== null) return [];
    return [{ field: change.field, oldValue: change.old, newValue: change.new }];
  });
}

/** The amendments of one record the caller may learn anything from (none left when no change is visible). */
export function visibleAmendments(
  amendments: readonly AmendmentRow[],
  entity: { readonly entityType: 'Worker' | 'Placement'; readonly entityId: string },
  principal: Principal,
): AmendmentRow[] {
  return amendments.filter(
    (amendment) =>
      amendment.entityType === entity.entityType &&
      amendment.entityId === entity.entityId &&
      visibleChanges(amendment, principal).length > 0,
  );
}
