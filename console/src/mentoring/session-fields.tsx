import { useEffect } from 'preact/hooks';
import { useT } from '../i18n/index.js';
import { ChoiceGroup, SelectInput, TextArea, TextInput } from '../workers/form-kit.js';
import { VillagePicker } from '../workers/village-picker.js';
import type { Problems } from '../workers/write.js';
import {
  BUSINESS_STATUSES,
  MENTORING_FORMS,
  MENTORING_TOPICS,
  RE_MIGRATION_INTENTS,
  REFERRALS,
  REVENUE_BANDS,
  SESSION_MODES,
} from './choices.js';

/** What happened at a session, as typed: every field of the contract but the programme, mentor and participants. */
export interface SessionValues {
  readonly date: string;
  readonly durationMinutes: string;
  readonly mode: string;
  readonly locationCode: string;
  readonly form: string;
  readonly topics: readonly string[];
  readonly businessStatus: string;
  readonly revenueBand: string;
  /** One need a line. */
  readonly needs: string;
  readonly referrals: readonly string[];
  readonly actionPlan: string;
  readonly nextSessionDate: string;
  readonly reMigrationIntent: string;
  readonly notes: string;
}

export const EMPTY_SESSION: SessionValues = {
  date: '',
  durationMinutes: '',
  mode: '',
  locationCode: '',
  form: '',
  topics: [],
  businessStatus: '',
  revenueBand: '',
  needs: '',
  referrals: [],
  actionPlan: '',
  nextSessionDate: '',
  reMigrationIntent: '',
  notes: '',
};

/**
 * The session's own fields. An in-person session happened in a village: the programme's village
 * by default, chosen level by level from its province otherwise.
 */
export function SessionDetails({
  values,
  onValues,
  problems,
  programVillage,
}: {
  readonly values: SessionValues;
  readonly onValues: (values: SessionValues) => void;
  readonly problems: Problems;
  readonly programVillage: string | null;
}) {
  const { t } = useT();
  const set =
    <K extends keyof SessionValues>(field: K) =>
    (value: SessionValues[K]) =>
      onValues({ ...values, [field]: value });
  useEffect(() => {
    if (values.mode === 'IN_PERSON' && programVillage) onValues({ ...values, locationCode: programVillage });
  }, [programVillage]);
  const chooseMode = (mode: string) =>
    onValues({
      ...values,
      mode,
      locationCode: mode === 'IN_PERSON' ? values.locationCode || programVillage || '' : '',
    });
  const province = (programVillage ?? values.locationCode).split('.')[0] || '35';
  const enumOptions = (list: readonly string[], key: string) =>
    list.map((value) => ({ value, label: t(`${key}.${value}`) }));
  return (
    <>
      <TextInput
        id="session-date"
        type="date"
        label={t('mentoring.log.date')}
        hint={t('mentoring.log.dateHint')}
        problem={problems['date']}
        value={values.date}
        onValue={set('date')}
      />
      <TextInput
        id="session-durationMinutes"
        label={t('mentoring.log.duration')}
        hint={t('mentoring.log.durationHint')}
        inputMode="numeric"
        problem={problems['durationMinutes']}
        value={values.durationMinutes}
        onValue={set('durationMinutes')}
      />
      <ChoiceGroup
        id="session-mode"
        label={t('mentoring.log.mode')}
        problem={problems['mode']}
        options={enumOptions(SESSION_MODES, 'mentoring.enums.SessionMode')}
        value={values.mode ? [values.mode] : []}
        onValue={(chosen) => chooseMode(chosen[0] ?? '')}
      />
      {values.mode === 'IN_PERSON' ? (
        <VillagePicker
          key={`${province}-${programVillage ?? ''}`}
          id="session-locationCode"
          rootCode={province}
          value={values.locationCode}
          onValue={set('locationCode')}
          problem={problems['locationCode']}
        />
      ) : null}
      <SelectInput
        id="session-form"
        label={t('mentoring.log.form')}
        problem={problems['form']}
        value={values.form}
        onValue={set('form')}
        options={enumOptions(MENTORING_FORMS, 'enums.MentoringForm')}
      />
      <ChoiceGroup
        id="session-topics"
        label={t('mentoring.log.topics')}
        hint={t('mentoring.log.topicsHint')}
        problem={problems['topics']}
        multiple
        wide
        options={enumOptions(MENTORING_TOPICS, 'enums.MentoringTopic')}
        value={values.topics}
        onValue={set('topics')}
      />
      <SelectInput
        id="session-businessStatus"
        label={t('mentoring.log.businessStatus')}
        optional
        placeholder={t('mentoring.log.notRecorded')}
        problem={problems['businessStatus']}
        value={values.businessStatus}
        onValue={set('businessStatus')}
        options={enumOptions(BUSINESS_STATUSES, 'mentoring.enums.BusinessStatus')}
      />
      <SelectInput
        id="session-revenueBand"
        label={t('mentoring.log.revenueBand')}
        hint={t('mentoring.log.revenueBandHint')}
        optional
        placeholder={t('mentoring.log.notRecorded')}
        problem={problems['revenueBand']}
        value={values.revenueBand}
        onValue={set('revenueBand')}
        options={enumOptions(REVENUE_BANDS, 'mentoring.enums.RevenueBand')}
      />
      <TextArea
        id="session-needs"
        label={t('mentoring.log.needs')}
        hint={t('mentoring.log.needsHint')}
        optional
        problem={problems['needs']}
        value={values.needs}
        onValue={set('needs')}
      />
      <ChoiceGroup
        id="session-referrals"
        label={t('mentoring.log.referrals')}
        optional
        multiple
        wide
        problem={problems['referrals']}
        options={enumOptions(REFERRALS, 'mentoring.enums.Referral')}
        value={values.referrals}
        onValue={set('referrals')}
      />
      <TextArea
        id="session-actionPlan"
        label={t('mentoring.log.actionPlan')}
        optional
        problem={problems['actionPlan']}
        value={values.actionPlan}
        onValue={set('actionPlan')}
      />
      <TextInput
        id="session-nextSessionDate"
        type="date"
        label={t('mentoring.log.nextSessionDate')}
        hint={t('mentoring.log.nextSessionDateHint')}
        optional
        problem={problems['nextSessionDate']}
        value={values.nextSessionDate}
        onValue={set('nextSessionDate')}
      />
      <SelectInput
        id="session-reMigrationIntent"
        label={t('mentoring.log.reMigrationIntent')}
        optional
        placeholder={t('mentoring.log.notRecorded')}
        problem={problems['reMigrationIntent']}
        value={values.reMigrationIntent}
        onValue={set('reMigrationIntent')}
        options={enumOptions(RE_MIGRATION_INTENTS, 'mentoring.enums.ReMigrationIntent')}
      />
      <TextArea
        id="session-notes"
        label={t('mentoring.log.notes')}
        hint={t('mentoring.log.notesHint')}
        optional
        problem={problems['notes']}
        value={values.notes}
        onValue={set('notes')}
      />
    </>
  );
}
