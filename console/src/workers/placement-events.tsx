import { useState } from 'preact/hooks';
import {
  RecordArrivalDocument,
  RecordDepartureDocument,
  RecordReturnDocument,
  type ReturnReason,
} from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { RETURN_REASONS } from './choices.js';
import { SelectInput, TextInput, WriteForm } from './form-kit.js';
import { apiProblems, todayInWib, useWrite } from './write.js';

export type PlacementEvent = 'departure' | 'arrival' | 'return';

/** The events a placement in this status can record next. */
export function eventsFor(status: string): readonly PlacementEvent[] {
  switch (status) {
    case 'PLANNED':
      return ['departure'];
    case 'DEPARTED':
      return ['arrival', 'return'];
    case 'ABROAD':
      return ['return'];
    default:
      return [];
  }
}

/**
 * `recordDeparture`, `recordArrival`, `recordReturn`: the day it happened (today by default; never
 * in the future) and, for a return, why. The worker's status moves with the placement.
 */
export function PlacementEventForm({
  event,
  placementId,
  hint,
  onCancel,
  onDone,
}: {
  readonly event: PlacementEvent;
  readonly placementId: string;
  /** What to know before recording (a procedural departure needs a verified worker). */
  readonly hint?: string | undefined;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const [date, setDate] = useState(todayInWib());
  const [reason, setReason] = useState('');
  const [own, setOwn] = useState<Record<string, string>>({});
  const [checks, setChecks] = useState(0);
  const departure = useWrite(RecordDepartureDocument);
  const arrival = useWrite(RecordArrivalDocument);
  const homecoming = useWrite(RecordReturnDocument);
  const write = event === 'departure' ? departure : event === 'arrival' ? arrival : homecoming;
  const dateField = event === 'departure' ? 'departedOn' : event === 'arrival' ? 'arrivedOn' : 'returnedOn';
  const { placed, unplaced } = apiProblems(write.errors, [dateField, 'reason', 'placementId'], []);
  const problems = { ...placed, ...own };

  const submit = async () => {
    const absent: Record<string, string> = {};
    if (!date) absent[dateField] = t('officerForms.form.required');
    if (event === 'return' && !reason) absent['reason'] = t('officerForms.form.required');
    setOwn(absent);
    if (Object.keys(absent).length > 0) {
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    const done =
      event === 'departure'
        ? await departure.run({ placementId, departedOn: date })
        : event === 'arrival'
          ? await arrival.run({ placementId, arrivedOn: date })
          : await homecoming.run({ placementId, returnedOn: date, reason: reason as ReturnReason });
    if (done) onDone();
  };

  return (
    <WriteForm
      id={`placement-${event}`}
      title={t(`officerForms.placements.${event}.title`)}
      errors={write.errors}
      unplaced={unplaced}
      codeMessages={event === 'departure' && hint ? { CONFLICT: hint } : {}}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t(`officerForms.placements.${event}.submit`)}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      {hint ? <p class="field-hint">{hint}</p> : null}
      <TextInput
        id={`placement-${event}-date`}
        type="date"
        label={t(`officerForms.placements.${event}.date`)}
        hint={t('officerForms.placements.eventDateHint')}
        problem={problems[dateField]}
        value={date}
        onValue={setDate}
      />
      {event === 'return' ? (
        <SelectInput
          id="placement-return-reason"
          label={t('placements.returnReason')}
          problem={problems['reason']}
          value={reason}
          onValue={setReason}
          options={RETURN_REASONS.map((item) => ({ value: item, label: t(`enums.ReturnReason.${item}`) }))}
        />
      ) : null}
    </WriteForm>
  );
}
