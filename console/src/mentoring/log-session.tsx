import { useState } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import type { Person } from '../auth/person.js';
import {
  LogMentoringSessionDocument,
  MentoringParticipantsDocument,
  MentorProgramsDocument,
  type LogMentoringSessionInput,
} from '../graphql/__generated__/graphql.js';
import { useT } from '../i18n/index.js';
import { Link, navigate } from '../router.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Loading, PageTitle } from '../ui/page.js';
import { ChoiceGroup, SelectInput, WriteForm } from '../workers/form-kit.js';
import {
  apiProblems,
  missing,
  optionalText,
  setFlash,
  todayInWib,
  useWrite,
  wholeNumber,
  type Problems,
} from '../workers/write.js';
import { PARTICIPANTS_SHOWN, useOwnUniversities, type OwnUniversity } from './mentor-home.js';
import { SessionDetails, type SessionValues, EMPTY_SESSION } from './session-fields.js';

const FIELDS = [
  'programId',
  'mentorId',
  'participantIds',
  'date',
  'durationMinutes',
  'mode',
  'locationCode',
  'form',
  'topics',
  'businessStatus',
  'revenueBand',
  'needs',
  'referrals',
  'actionPlan',
  'nextSessionDate',
  'reMigrationIntent',
  'notes',
];

/**
 * `/mentoring/sessions/new?program=&participant=`: a mentoring session with every field of
 * `LogMentoringSessionInput`. The participants are the workers who consent to empowerment by
 * the mentor's institution; the university checks each one again, and the dates and the mentor.
 */
export function LogSession({ person, query }: { readonly person: Person; readonly query: URLSearchParams }) {
  const { t } = useT();
  const universities = useOwnUniversities(person);
  const [universityId, setUniversityId] = useState('');
  const chosen = universities.own.find((item) => item.id === universityId) ?? universities.own[0];
  return (
    <>
      <p class="breadcrumb">
        <Link href="/mentoring">{t('mentoring.back')}</Link>
      </p>
      <PageTitle title={t('mentoring.log.title')}>{t('mentoring.log.title')}</PageTitle>
      <ErrorNotice errors={universities.errors} />
      {universities.loading && !universities.data ? <Loading /> : null}
      {universities.data && !chosen ? (
        <p class="notice notice-info" role="status">
          {t('mentoring.noUniversity')}
        </p>
      ) : null}
      {universities.own.length > 1 ? (
        <SelectInput
          id="session-university"
          label={t('mentoring.log.university')}
          value={chosen?.id ?? ''}
          onValue={setUniversityId}
          options={universities.own.map((item) => ({ value: item.id, label: item.name }))}
        />
      ) : null}
      {chosen ? (
        <SessionForm
          key={chosen.id}
          university={chosen}
          initialProgram={query.get('program') ?? ''}
          initialParticipant={query.get('participant') ?? ''}
        />
      ) : null}
    </>
  );
}

function SessionForm({
  university,
  initialProgram,
  initialParticipant,
}: {
  readonly university: OwnUniversity;
  readonly initialProgram: string;
  readonly initialParticipant: string;
}) {
  const { t } = useT();
  const programs = useQuery(MentorProgramsDocument, { universityId: university.id });
  const participants = useQuery(MentoringParticipantsDocument, { filter: null, first: PARTICIPANTS_SHOWN });
  const [programId, setProgramId] = useState(initialProgram);
  const [mentorId, setMentorId] = useState(
    university.mentors.length === 1 ? (university.mentors[0]?.id ?? '') : '',
  );
  const [participantIds, setParticipantIds] = useState<string[]>(
    initialParticipant ? [initialParticipant] : [],
  );
  const [details, setDetails] = useState<SessionValues>({ ...EMPTY_SESSION, date: todayInWib() });
  const [own, setOwn] = useState<Problems>({});
  const [checks, setChecks] = useState(0);
  const write = useWrite(LogMentoringSessionDocument);
  const { placed, unplaced } = apiProblems(write.errors, FIELDS);
  const problems = { ...placed, ...own };
  const program = programs.data?.mentoringPrograms.find((item) => item.id === programId);
  const workers = (participants.data?.workers.edges ?? []).map((edge) => edge.node);

  const submit = async () => {
    const duration = wholeNumber(details.durationMinutes);
    const absent: Record<string, string> = missing(
      { programId, mentorId, participantIds, ...details },
      ['programId', 'mentorId', 'participantIds', 'date', 'durationMinutes', 'mode', 'form', 'topics'],
      t('officerForms.form.required'),
    );
    if (details.mode === 'IN_PERSON' && !details.locationCode)
      absent['locationCode'] = t('mentoring.log.locationRequired');
    if (Number.isNaN(duration)) absent['durationMinutes'] = t('officerForms.form.wholeNumber');
    setOwn(absent);
    if (Object.keys(absent).length > 0 || duration === undefined) {
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    const needs = details.needs
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const input: LogMentoringSessionInput = {
      programId,
      mentorId,
      participantIds,
      date: details.date,
      durationMinutes: duration,
      mode: details.mode as LogMentoringSessionInput['mode'],
      locationCode: details.mode === 'IN_PERSON' ? details.locationCode : null,
      form: details.form as LogMentoringSessionInput['form'],
      topics: details.topics as LogMentoringSessionInput['topics'],
      businessStatus: (details.businessStatus || null) as LogMentoringSessionInput['businessStatus'],
      revenueBand: (details.revenueBand || null) as LogMentoringSessionInput['revenueBand'],
      needs: needs.length > 0 ? needs : null,
      referrals:
        details.referrals.length > 0 ? (details.referrals as LogMentoringSessionInput['referrals']) : null,
      actionPlan: optionalText(details.actionPlan),
      nextSessionDate: details.nextSessionDate || null,
      reMigrationIntent: (details.reMigrationIntent || null) as LogMentoringSessionInput['reMigrationIntent'],
      notes: optionalText(details.notes),
    };
    const logged = await write.run({ input });
    const first = participantIds[0];
    if (logged && first) {
      setFlash('mentoring.log.done');
      navigate(`/mentoring/participants/${encodeURIComponent(first)}`);
    }
  };

  return (
    <WriteForm
      id="log-session"
      title={t('mentoring.log.formTitle', { name: university.name })}
      errors={[...programs.errors, ...participants.errors, ...write.errors]}
      unplaced={unplaced}
      codeMessages={{ NOT_FOUND: t('mentoring.log.noConsent') }}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t('mentoring.log.submit')}
      onSubmit={() => void submit()}
      focusFirstField={false}
    >
      <SelectInput
        id="session-programId"
        label={t('mentoring.log.programme')}
        problem={problems['programId']}
        value={programId}
        onValue={setProgramId}
        disabled={programs.loading && !programs.data}
        options={(programs.data?.mentoringPrograms ?? []).map((item) => ({
          value: item.id,
          label: item.title,
        }))}
      />
      <SelectInput
        id="session-mentorId"
        label={t('mentoring.log.mentor')}
        problem={problems['mentorId']}
        value={mentorId}
        onValue={setMentorId}
        options={university.mentors.map((mentor) => ({ value: mentor.id, label: mentor.fullName }))}
      />
      <ChoiceGroup
        id="session-participantIds"
        label={t('mentoring.log.participants')}
        hint={t('mentoring.log.participantsHint')}
        problem={problems['participantIds']}
        multiple
        wide
        options={workers.map((worker) => ({
          value: worker.id,
          label: `${worker.fullName} · ${worker.nik} · ${worker.district.name}`,
        }))}
        value={participantIds}
        onValue={setParticipantIds}
      />
      <SessionDetails
        values={details}
        onValues={setDetails}
        problems={problems}
        programVillage={program?.villageCode ?? null}
      />
    </WriteForm>
  );
}
