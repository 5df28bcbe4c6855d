import { useEffect, useState } from 'preact/hooks';
import { issueFor } from '../api/errors.js';
import { useAction } from '../cases/use-action.js';
import {
  ImposeSanctionDocument,
  UpdateAgencyLicenceDocument,
  type LicenceStatus,
  type SanctionType,
} from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { describedBy, Field } from '../ui/field.js';
import type { AgencyCase, AgencyRecord } from './agency-detail.js';
import { licenceUpdate, SANCTION_TYPES, sanctionHasEnd, SETTABLE_LICENCE_STATUSES } from './agency-model.js';

/** `updateAgencyLicence`: a new status (ACTIVE, SUSPENDED, REVOKED) or a new last day of validity. */
export function LicenceForm({
  agency,
  onDone,
}: {
  readonly agency: AgencyRecord;
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const settable = (SETTABLE_LICENCE_STATUSES as readonly string[]).includes(agency.licenceStatus);
  const [status, setStatus] = useState<LicenceStatus | ''>(settable ? agency.licenceStatus : '');
  const [validUntil, setValidUntil] = useState(agency.licenceValidUntil);
  const [unchanged, setUnchanged] = useState(false);
  const [state, run] = useAction(UpdateAgencyLicenceDocument);
  // The licence changes under the form too (a suspension imposed below): start again from it.
  useEffect(() => {
    setStatus(settable ? agency.licenceStatus : '');
    setValidUntil(agency.licenceValidUntil);
  }, [agency.licenceStatus, agency.licenceValidUntil, settable]);
  const problems = {
    status: issueFor(state.errors, 'licenceStatus'),
    validUntil: issueFor(state.errors, 'licenceValidUntil'),
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const input = licenceUpdate(agency, { licenceStatus: status, licenceValidUntil: validUntil });
    setUnchanged(input === null);
    if (input && (await run({ id: agency.id, input }))) onDone();
  };
  return (
    <form
      class="action-form"
      aria-labelledby="licence-form-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id="licence-form-heading">{t('agencies.licenceForm.title')}</h3>
      <ErrorNotice errors={state.errors} />
      <div class="inline-fields">
        <Field id="licence-status" label={t('agencies.field.licenceStatus')} problem={problems.status}>
          <select
            id="licence-status"
            value={status}
            onChange={(event) => setStatus(event.currentTarget.value as LicenceStatus | '')}
            aria-invalid={problems.status ? true : undefined}
            aria-describedby={describedBy('licence-status', undefined, problems.status)}
          >
            {settable ? null : <option value="">{t(`enums.LicenceStatus.${agency.licenceStatus}`)}</option>}
            {SETTABLE_LICENCE_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`enums.LicenceStatus.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="licence-valid-until"
          label={t('agencies.field.validUntil')}
          hint={t('agencies.licenceForm.validUntilHint')}
          problem={problems.validUntil}
        >
          <input
            id="licence-valid-until"
            type="date"
            value={validUntil}
            onInput={(event) => setValidUntil(event.currentTarget.value)}
            aria-invalid={problems.validUntil ? true : undefined}
            aria-describedby={describedBy('licence-valid-until', true, problems.validUntil)}
          />
        </Field>
        <div class="form-actions">
          <button type="submit" class="button-primary" disabled={state.busy}>
            {t('agencies.licenceForm.save')}
          </button>
        </div>
      </div>
      {unchanged ? (
        <p class="notice notice-info" role="status">
          {t('agencies.licenceForm.unchanged')}
        </p>
      ) : state.succeeded ? (
        <p class="notice notice-ok" role="status">
          {t('agencies.licenceForm.saved')}
        </p>
      ) : null}
    </form>
  );
}

interface SanctionDraft {
  readonly type: SanctionType | '';
  readonly reason: string;
  readonly imposedOn: string;
  readonly effectiveUntil: string;
  readonly caseId: string;
}

/** `imposeSanction` with every field of its input; a suspension or revocation also changes the licence. */
export function SanctionForm({
  agency,
  cases,
  onDone,
}: {
  readonly agency: AgencyRecord;
  readonly cases: readonly AgencyCase[];
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const empty: SanctionDraft = { type: '', reason: '', imposedOn: '', effectiveUntil: '', caseId: '' };
  const [draft, setDraft] = useState<SanctionDraft>(empty);
  // What the form checks itself: an enum and a date the API could not even parse when left empty.
  const [missing, setMissing] = useState<{ type: boolean; imposedOn: boolean }>({
    type: false,
    imposedOn: false,
  });
  const [state, run] = useAction(ImposeSanctionDocument);
  const set = (key: keyof SanctionDraft) => (event: Event) =>
    setDraft({ ...draft, [key]: (event.currentTarget as HTMLInputElement).value });
  const withEnd = sanctionHasEnd(draft.type);
  const problems = {
    type: missing.type ? t('agencies.sanctionForm.typeMissing') : issueFor(state.errors, 'type'),
    reason: issueFor(state.errors, 'reason'),
    imposedOn: missing.imposedOn
      ? t('agencies.sanctionForm.dateMissing')
      : issueFor(state.errors, 'imposedOn'),
    effectiveUntil: issueFor(state.errors, 'effectiveUntil'),
    caseId: issueFor(state.errors, 'caseId'),
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const type = draft.type;
    const now = { type: type === '', imposedOn: draft.imposedOn === '' };
    setMissing(now);
    if (type === '' || now.imposedOn) {
      document.getElementById(now.type ? 'sanction-type' : 'sanction-imposed-on')?.focus();
      return;
    }
    const done = await run({
      input: {
        agencyId: agency.id,
        type,
        reason: draft.reason,
        imposedOn: draft.imposedOn,
        effectiveUntil: withEnd && draft.effectiveUntil ? draft.effectiveUntil : null,
        caseId: draft.caseId || null,
      },
    });
    if (done) {
      setDraft(empty);
      onDone();
    }
  };
  return (
    <form
      class="action-form"
      aria-labelledby="sanction-form-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id="sanction-form-heading">{t('agencies.sanctionForm.title')}</h3>
      <p class="hint">{t('agencies.sanctionForm.intro')}</p>
      <ErrorNotice errors={state.errors} />
      <div class="form-grid">
        <Field id="sanction-type" label={t('agencies.sanctionForm.type')} problem={problems.type}>
          <select
            id="sanction-type"
            value={draft.type}
            onChange={set('type')}
            aria-invalid={problems.type ? true : undefined}
            aria-describedby={describedBy('sanction-type', undefined, problems.type)}
          >
            <option value="">{t('agencies.sanctionForm.chooseType')}</option>
            {SANCTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`agencies.sanctionType.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="sanction-imposed-on"
          label={t('agencies.sanctionForm.imposedOn')}
          problem={problems.imposedOn}
        >
          <input
            id="sanction-imposed-on"
            type="date"
            value={draft.imposedOn}
            onInput={set('imposedOn')}
            aria-invalid={problems.imposedOn ? true : undefined}
            aria-describedby={describedBy('sanction-imposed-on', undefined, problems.imposedOn)}
          />
        </Field>
        {withEnd ? (
          <Field
            id="sanction-until"
            label={t('agencies.sanctionForm.effectiveUntil')}
            hint={t('agencies.sanctionForm.effectiveUntilHint')}
            problem={problems.effectiveUntil}
          >
            <input
              id="sanction-until"
              type="date"
              value={draft.effectiveUntil}
              onInput={set('effectiveUntil')}
              aria-invalid={problems.effectiveUntil ? true : undefined}
              aria-describedby={describedBy('sanction-until', true, problems.effectiveUntil)}
            />
          </Field>
        ) : null}
        <Field id="sanction-case" label={t('agencies.sanctionForm.case')} problem={problems.caseId}>
          <select
            id="sanction-case"
            value={draft.caseId}
            onChange={set('caseId')}
            aria-invalid={problems.caseId ? true : undefined}
            aria-describedby={describedBy('sanction-case', undefined, problems.caseId)}
          >
            <option value="">{t('agencies.sanctionForm.noCase')}</option>
            {cases.map((item) => (
              <option key={item.id} value={item.id}>
                {item.reference} · {t(`enums.CaseCategory.${item.category}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        id="sanction-reason"
        label={t('agencies.sanctionForm.reason')}
        hint={t('agencies.sanctionForm.reasonHint')}
        problem={problems.reason}
      >
        <textarea
          id="sanction-reason"
          rows={3}
          maxLength={1000}
          value={draft.reason}
          onInput={set('reason')}
          aria-invalid={problems.reason ? true : undefined}
          aria-describedby={describedBy('sanction-reason', true, problems.reason)}
        />
      </Field>
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={state.busy}>
          {t('agencies.sanctionForm.save')}
        </button>
      </div>
      {state.succeeded ? (
        <p class="notice notice-ok" role="status">
          {t('agencies.sanctionForm.saved')}
        </p>
      ) : null}
    </form>
  );
}
