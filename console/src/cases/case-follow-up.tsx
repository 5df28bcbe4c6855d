import { useState } from 'preact/hooks';
import { issueFor } from '../api/errors.js';
import {
  AddCaseNoteDocument,
  ChangeCaseStatusDocument,
  ResolveCaseDocument,
  type CaseOutcome,
  type CaseStatus,
} from '../graphql/__generated__/graphql.js';
import { formatDate } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { describedBy, Field } from '../ui/field.js';
import { Facts } from '../ui/section.js';
import type { CaseRecord } from './case-detail.js';
import { canBeResolved, CASE_OUTCOMES, nextStatuses } from './case-model.js';
import { useAction } from './use-action.js';

/** A note for the case's history (`addCaseNote`). */
export function NoteForm({ caseId, onDone }: { readonly caseId: string; readonly onDone: () => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [state, run] = useAction(AddCaseNoteDocument);
  const problem = issueFor(state.errors, 'text');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await run({ caseId, text })) {
      setText('');
      onDone();
    }
  };
  return (
    <form
      class="action-form"
      aria-labelledby="note-form-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id="note-form-heading">{t('cases.followUp.addNote')}</h3>
      <ErrorNotice errors={state.errors} />
      <Field
        id="note-text"
        label={t('cases.followUp.noteText')}
        hint={t('cases.followUp.noteHint')}
        problem={problem}
      >
        <textarea
          id="note-text"
          rows={4}
          maxLength={4000}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy('note-text', true, problem)}
        />
      </Field>
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={state.busy}>
          {t('cases.followUp.saveNote')}
        </button>
      </div>
      {state.succeeded ? (
        <p class="notice notice-ok" role="status">
          {t('cases.followUp.noteSaved')}
        </p>
      ) : null}
    </form>
  );
}

/** The ministry's follow-up: move the case on, or resolve it with its outcome and summary. */
export function CaseFollowUp({
  record,
  onDone,
}: {
  readonly record: CaseRecord;
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const moves = nextStatuses(record.status);
  return (
    <>
      <ResolutionSection record={record} />
      {moves.length > 0 || canBeResolved(record.status) ? (
        <section class="record-section" aria-labelledby="case-follow-up-heading">
          <h2 id="case-follow-up-heading">{t('cases.followUp.title')}</h2>
          {moves.length > 0 ? (
            <StatusForm
              key={record.status}
              caseId={record.id}
              status={record.status}
              moves={moves}
              onDone={onDone}
            />
          ) : null}
          {canBeResolved(record.status) ? <ResolveForm caseId={record.id} onDone={onDone} /> : null}
        </section>
      ) : null}
    </>
  );
}

function StatusForm({
  caseId,
  status,
  moves,
  onDone,
}: {
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly moves: readonly CaseStatus[];
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const [next, setNext] = useState<CaseStatus>(moves[0] ?? status);
  const [state, run] = useAction(ChangeCaseStatusDocument);
  const problem = issueFor(state.errors, 'status');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await run({ caseId, status: next })) onDone();
  };
  return (
    <form
      class="action-form"
      aria-labelledby="status-form-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id="status-form-heading">{t('cases.followUp.changeStatus')}</h3>
      <ErrorNotice errors={state.errors} />
      <div class="inline-fields">
        <Field id="case-next-status" label={t('cases.followUp.newStatus')} problem={problem}>
          <select
            id="case-next-status"
            value={next}
            onChange={(event) => setNext(event.currentTarget.value as CaseStatus)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy('case-next-status', undefined, problem)}
          >
            {moves.map((move) => (
              <option key={move} value={move}>
                {t(`enums.CaseStatus.${move}`)}
              </option>
            ))}
          </select>
        </Field>
        <div class="form-actions">
          <button type="submit" class="button-primary" disabled={state.busy}>
            {t('cases.followUp.saveStatus')}
          </button>
        </div>
      </div>
    </form>
  );
}

/** `resolveCase` with every field of its input: the outcome and what was done and agreed. */
function ResolveForm({ caseId, onDone }: { readonly caseId: string; readonly onDone: () => void }) {
  const { t } = useT();
  const [outcome, setOutcome] = useState<CaseOutcome | ''>('');
  const [summary, setSummary] = useState('');
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  const [state, run] = useAction(ResolveCaseDocument);
  const problems = {
    outcome: outcomeMissing ? t('cases.followUp.outcomeMissing') : issueFor(state.errors, 'outcome'),
    summary: issueFor(state.errors, 'summary'),
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    // The outcome is an enum: without one the request would not even be valid GraphQL.
    if (outcome === '') {
      setOutcomeMissing(true);
      document.getElementById('resolve-outcome')?.focus();
      return;
    }
    setOutcomeMissing(false);
    if (await run({ caseId, input: { outcome, summary } })) onDone();
  };
  return (
    <form
      class="action-form"
      aria-labelledby="resolve-form-heading"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id="resolve-form-heading">{t('cases.followUp.resolve')}</h3>
      <p class="hint">{t('cases.followUp.resolveHint')}</p>
      <ErrorNotice errors={state.errors} />
      <Field id="resolve-outcome" label={t('cases.field.outcome')} problem={problems.outcome}>
        <select
          id="resolve-outcome"
          value={outcome}
          onChange={(event) => setOutcome(event.currentTarget.value as CaseOutcome | '')}
          aria-invalid={problems.outcome ? true : undefined}
          aria-describedby={describedBy('resolve-outcome', undefined, problems.outcome)}
        >
          <option value="">{t('cases.followUp.chooseOutcome')}</option>
          {CASE_OUTCOMES.map((option) => (
            <option key={option} value={option}>
              {t(`cases.outcome.${option}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="resolve-summary"
        label={t('cases.followUp.resolutionSummary')}
        hint={t('cases.followUp.resolutionSummaryHint')}
        problem={problems.summary}
      >
        <textarea
          id="resolve-summary"
          rows={4}
          maxLength={2000}
          value={summary}
          onInput={(event) => setSummary(event.currentTarget.value)}
          aria-invalid={problems.summary ? true : undefined}
          aria-describedby={describedBy('resolve-summary', true, problems.summary)}
        />
      </Field>
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={state.busy}>
          {t('cases.followUp.saveResolution')}
        </button>
      </div>
    </form>
  );
}

/** How the case was resolved, once it is. */
export function ResolutionSection({ record }: { readonly record: CaseRecord }) {
  const { t, language } = useT();
  if (!record.resolution) return null;
  return (
    <section class="record-section" aria-labelledby="case-resolution-heading">
      <h2 id="case-resolution-heading">{t('cases.detail.resolution')}</h2>
      <Facts
        rows={[
          [t('cases.field.outcome'), t(`cases.outcome.${record.resolution.outcome}`)],
          [t('cases.field.resolvedAt'), formatDate(record.resolution.resolvedAt, language)],
        ]}
      />
      <p class="prose">{record.resolution.summary}</p>
    </section>
  );
}
