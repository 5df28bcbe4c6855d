import type { ComponentChildren } from 'preact';
import { errorsAt, type ApiError } from '../api/errors.js';
import { useT } from '../i18n/index.js';
import { ErrorNotice } from './error-notice.js';

/**
 * One part of a record that one institution serves: its own refusal (FORBIDDEN for a part the
 * person may not see, SERVICE_UNAVAILABLE when that institution's service is down) is shown in
 * the part, and the rest of the record stays.
 */
export function RecordSection({
  id,
  title,
  path,
  errors,
  items,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly path: readonly (string | number)[];
  readonly errors: readonly ApiError[];
  /** The part's list, to say "nothing recorded" when it is empty. */
  readonly items?: readonly unknown[] | null | undefined;
  readonly children: ComponentChildren;
}) {
  const { t } = useT();
  const own = errorsAt(errors, path);
  return (
    <section class="record-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {own.length > 0 ? (
        <ErrorNotice errors={own} />
      ) : items && items.length === 0 ? (
        <p class="empty">{t('common.noneRecorded')}</p>
      ) : items === null ? null : (
        children
      )}
    </section>
  );
}

/** A definition list of label and value pairs; empty values show a dash, withheld ones say so. */
export function Facts({ rows }: { readonly rows: readonly (readonly [string, ComponentChildren])[] }) {
  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <div key={label} class="fact">
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '–' : value}</dd>
        </div>
      ))}
    </dl>
  );
}
