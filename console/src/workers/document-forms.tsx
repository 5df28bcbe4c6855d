import { useState } from 'preact/hooks';
import {
  RecordDocumentDocument,
  RejectDocumentDocument,
  type DocumentType,
} from '../graphql/__generated__/graphql.js';
import { formatCountry } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import { DOCUMENT_TYPES } from './choices.js';
import { SelectInput, TextArea, TextInput, WriteForm } from './form-kit.js';
import type { RecordWorker } from './record.js';
import { apiProblems, missing, optionalText, useWrite, type Problems } from './write.js';

const FIELDS = ['type', 'number', 'issuer', 'issuedOn', 'validUntil', 'placementId'] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const EMPTY: Values = { type: '', number: '', issuer: '', issuedOn: '', validUntil: '', placementId: '' };

/** `recordDocument`: a document presented at the desk; it starts as submitted. */
export function DocumentForm({
  worker,
  onCancel,
  onDone,
}: {
  readonly worker: RecordWorker;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const { t, language } = useT();
  const [values, setValues] = useState(EMPTY);
  const [own, setOwn] = useState<Problems>({});
  const [checks, setChecks] = useState(0);
  const write = useWrite(RecordDocumentDocument);
  const set = (field: keyof Values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const { placed, unplaced } = apiProblems(write.errors, [...FIELDS, 'workerId']);
  const problems = { ...placed, ...own };

  const submit = async () => {
    const absent = missing(values, ['type', 'issuer'], t('officerForms.form.required'));
    setOwn(absent);
    if (Object.keys(absent).length > 0) {
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    const recorded = await write.run({
      input: {
        workerId: worker.id,
        type: values.type as DocumentType,
        number: optionalText(values.number),
        issuer: values.issuer,
        issuedOn: values.issuedOn || null,
        validUntil: values.validUntil || null,
        placementId: values.placementId || null,
      },
    });
    if (recorded) onDone();
  };

  return (
    <WriteForm
      id="record-document"
      title={t('officerForms.documents.formTitle')}
      errors={write.errors}
      unplaced={unplaced}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t('officerForms.documents.submit')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <SelectInput
        id="document-type"
        label={t('documents.type')}
        problem={problems['type']}
        value={values.type}
        onValue={set('type')}
        options={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`enums.DocumentType.${type}`) }))}
      />
      <TextInput
        id="document-number"
        label={t('documents.number')}
        hint={t('officerForms.documents.numberHint')}
        optional
        problem={problems['number']}
        value={values.number}
        onValue={set('number')}
      />
      <TextInput
        id="document-issuer"
        label={t('documents.issuer')}
        hint={t('officerForms.documents.issuerHint')}
        problem={problems['issuer']}
        value={values.issuer}
        onValue={set('issuer')}
      />
      <TextInput
        id="document-issuedOn"
        type="date"
        label={t('officerForms.documents.issuedOn')}
        optional
        problem={problems['issuedOn']}
        value={values.issuedOn}
        onValue={set('issuedOn')}
      />
      <TextInput
        id="document-validUntil"
        type="date"
        label={t('documents.validUntil')}
        hint={t('officerForms.documents.validUntilHint')}
        optional
        problem={problems['validUntil']}
        value={values.validUntil}
        onValue={set('validUntil')}
      />
      {(worker.placements ?? []).length > 0 ? (
        <SelectInput
          id="document-placementId"
          label={t('officerForms.documents.placement')}
          hint={t('officerForms.documents.placementHint')}
          optional
          placeholder={t('officerForms.documents.noPlacement')}
          problem={problems['placementId']}
          value={values.placementId}
          onValue={set('placementId')}
          options={(worker.placements ?? []).map((placement) => ({
            value: placement.id,
            label: `${t(`enums.Occupation.${placement.occupation}`)} · ${formatCountry(placement.destinationCountry, language)} · ${t(`enums.PlacementStatus.${placement.status}`)}`,
          }))}
        />
      ) : null}
    </WriteForm>
  );
}

/** `rejectDocument`: a submitted document refused, with the reason the worker is told. */
export function RejectDocumentForm({
  documentId,
  typeLabel,
  onCancel,
  onDone,
}: {
  readonly documentId: string;
  readonly typeLabel: string;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [own, setOwn] = useState<string | undefined>(undefined);
  const [checks, setChecks] = useState(0);
  const write = useWrite(RejectDocumentDocument);
  const { placed, unplaced } = apiProblems(write.errors, ['reason', 'id'], []);
  const submit = async () => {
    if (!reason.trim()) {
      setOwn(t('officerForms.form.required'));
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    setOwn(undefined);
    if (await write.run({ id: documentId, reason })) onDone();
  };
  return (
    <WriteForm
      id="reject-document"
      title={t('officerForms.documents.rejectTitle', { type: typeLabel })}
      errors={write.errors}
      unplaced={unplaced}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t('officerForms.documents.rejectSubmit')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <TextArea
        id="reject-reason"
        label={t('officerForms.documents.reason')}
        hint={t('officerForms.documents.reasonHint')}
        problem={own ?? placed['reason']}
        value={reason}
        onValue={setReason}
      />
    </WriteForm>
  );
}
