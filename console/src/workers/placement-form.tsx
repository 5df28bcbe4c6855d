import { useState } from 'preact/hooks';
import { useQuery } from '../api/use-query.js';
import {
  AgencyJobOrdersDocument,
  CreatePlacementDocument,
  PlacementAgencyChoicesDocument,
  type Occupation,
  type PlacementChannel,
  type PlacementScheme,
  type Sector,
} from '../graphql/__generated__/graphql.js';
import { formatCountry, formatDate } from '../i18n/format.js';
import { useT } from '../i18n/index.js';
import {
  COMMON_CURRENCIES,
  COMMON_DESTINATIONS,
  OCCUPATIONS,
  PLACEMENT_CHANNELS,
  PLACEMENT_SCHEMES,
  SECTORS,
} from './choices.js';
import { ChoiceGroup, SelectInput, TextInput, WriteForm } from './form-kit.js';
import { apiProblems, missing, optionalText, useWrite, wholeNumber, type Problems } from './write.js';

const FIELDS = [
  'scheme',
  'channel',
  'agencyId',
  'jobOrderId',
  'destinationCountry',
  'employerName',
  'occupation',
  'sector',
  'contractMonths',
  'monthlyWage',
  'wageCurrency',
  'plannedDepartureDate',
  'expectedReturnDate',
] as const;
type Values = Record<(typeof FIELDS)[number], string>;
const EMPTY: Values = {
  scheme: '',
  channel: 'PROCEDURAL',
  agencyId: '',
  jobOrderId: '',
  destinationCountry: '',
  employerName: '',
  occupation: '',
  sector: '',
  contractMonths: '',
  monthlyWage: '',
  wageCurrency: '',
  plannedDepartureDate: '',
  expectedReturnDate: '',
};

/**
 * `createPlacement`: a planned episode abroad. The agency and its job order come from the
 * ministry's registry; choosing a job order fills in its country, occupation and employer.
 */
export function PlacementForm({
  workerId,
  onCancel,
  onDone,
}: {
  readonly workerId: string;
  readonly onCancel: () => void;
  readonly onDone: () => void;
}) {
  const { t, language } = useT();
  const [values, setValues] = useState(EMPTY);
  const [own, setOwn] = useState<Problems>({});
  const [checks, setChecks] = useState(0);
  const write = useWrite(CreatePlacementDocument);
  const agencies = useQuery(PlacementAgencyChoicesDocument, {});
  const orders = useQuery(AgencyJobOrdersDocument, { agencyId: values.agencyId }, { skip: !values.agencyId });
  const set = (field: keyof Values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const { placed, unplaced } = apiProblems(write.errors, [...FIELDS, 'workerId']);
  const problems = { ...placed, ...own };

  const chooseAgency = (agencyId: string) =>
    setValues((current) => ({ ...current, agencyId, jobOrderId: '' }));
  const chooseOrder = (jobOrderId: string) => {
    const order = orders.data?.jobOrders.find((item) => item.id === jobOrderId);
    setValues((current) => ({
      ...current,
      jobOrderId,
      ...(order
        ? {
            destinationCountry: order.countryCode,
            occupation: order.occupation,
            employerName: current.employerName || order.employerName,
          }
        : {}),
    }));
  };

  const submit = async () => {
    const numbers = {
      contractMonths: wholeNumber(values.contractMonths),
      monthlyWage: wholeNumber(values.monthlyWage),
    };
    const absent: Record<string, string> = {
      ...missing(
        values,
        ['scheme', 'destinationCountry', 'occupation', 'sector'],
        t('officerForms.form.required'),
      ),
    };
    for (const [field, number] of Object.entries(numbers))
      if (Number.isNaN(number)) absent[field] = t('officerForms.form.wholeNumber');
    setOwn(absent);
    if (Object.keys(absent).length > 0) {
      write.reset();
      setChecks((value) => value + 1);
      return;
    }
    const created = await write.run({
      input: {
        workerId,
        scheme: values.scheme as PlacementScheme,
        channel: values.channel as PlacementChannel,
        agencyId: values.agencyId || null,
        jobOrderId: values.jobOrderId || null,
        destinationCountry: values.destinationCountry.trim().toUpperCase(),
        employerName: optionalText(values.employerName),
        occupation: values.occupation as Occupation,
        sector: values.sector as Sector,
        contractMonths: numbers.contractMonths ?? null,
        monthlyWage: numbers.monthlyWage ?? null,
        wageCurrency: values.wageCurrency.trim().toUpperCase() || null,
        plannedDepartureDate: values.plannedDepartureDate || null,
        expectedReturnDate: values.expectedReturnDate || null,
      },
    });
    if (created) onDone();
  };

  return (
    <WriteForm
      id="create-placement"
      title={t('officerForms.placements.formTitle')}
      errors={[...agencies.errors, ...orders.errors, ...write.errors]}
      unplaced={unplaced}
      attempts={write.attempts + checks}
      pending={write.pending}
      submitLabel={t('officerForms.placements.submit')}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <SelectInput
        id="placement-scheme"
        label={t('placements.scheme')}
        problem={problems['scheme']}
        value={values.scheme}
        onValue={set('scheme')}
        options={PLACEMENT_SCHEMES.map((scheme) => ({
          value: scheme,
          label: t(`enums.PlacementScheme.${scheme}`),
        }))}
      />
      <ChoiceGroup
        id="placement-channel"
        label={t('placements.channel')}
        hint={t('officerForms.placements.channelHint')}
        problem={problems['channel']}
        options={PLACEMENT_CHANNELS.map((channel) => ({
          value: channel,
          label: t(`enums.PlacementChannel.${channel}`),
        }))}
        value={[values.channel]}
        onValue={(chosen) => set('channel')(chosen[0] ?? 'PROCEDURAL')}
      />
      <SelectInput
        id="placement-agencyId"
        label={t('placements.agency')}
        hint={t('officerForms.placements.agencyHint')}
        optional={values.scheme !== 'PRIVATE_AGENCY'}
        placeholder={t('officerForms.placements.noAgency')}
        problem={problems['agencyId']}
        value={values.agencyId}
        onValue={chooseAgency}
        options={(agencies.data?.placementAgencies ?? [])
          .map((agency) => ({
            value: agency.id,
            label: `${agency.name} · ${agency.licenceNumber} (${t(`enums.LicenceStatus.${agency.licenceStatus}`)})`,
          }))
          .sort((a, b) => a.label.localeCompare(b.label))}
      />
      <SelectInput
        id="placement-jobOrderId"
        label={t('officerForms.placements.jobOrder')}
        hint={
          values.agencyId
            ? t('officerForms.placements.jobOrderHint')
            : t('officerForms.placements.agencyFirst')
        }
        optional
        disabled={!values.agencyId}
        placeholder={t('officerForms.placements.noJobOrder')}
        problem={problems['jobOrderId']}
        value={values.jobOrderId}
        onValue={chooseOrder}
        options={(orders.data?.jobOrders ?? []).map((order) => ({
          value: order.id,
          label: `${order.recruitmentPermitNumber} · ${order.employerName} · ${formatCountry(order.countryCode, language)} · ${t(`enums.Occupation.${order.occupation}`)} · ${t('officerForms.placements.orderValidUntil', { date: formatDate(order.validUntil, language) })}`,
        }))}
      />
      <TextInput
        id="placement-destinationCountry"
        label={t('officerForms.placements.destination')}
        hint={t('officerForms.placements.destinationHint')}
        problem={problems['destinationCountry']}
        value={values.destinationCountry}
        onValue={set('destinationCountry')}
        maxLength={2}
        list="placement-destinations"
      />
      <datalist id="placement-destinations">
        {COMMON_DESTINATIONS.map((code) => (
          <option key={code} value={code}>
            {formatCountry(code, language)}
          </option>
        ))}
      </datalist>
      <TextInput
        id="placement-employerName"
        label={t('placements.employer')}
        optional
        problem={problems['employerName']}
        value={values.employerName}
        onValue={set('employerName')}
      />
      <SelectInput
        id="placement-occupation"
        label={t('officerForms.placements.occupation')}
        problem={problems['occupation']}
        value={values.occupation}
        onValue={set('occupation')}
        options={OCCUPATIONS.map((occupation) => ({
          value: occupation,
          label: t(`enums.Occupation.${occupation}`),
        }))}
      />
      <SelectInput
        id="placement-sector"
        label={t('placements.sector')}
        problem={problems['sector']}
        value={values.sector}
        onValue={set('sector')}
        options={SECTORS.map((sector) => ({ value: sector, label: t(`enums.Sector.${sector}`) }))}
      />
      <TextInput
        id="placement-contractMonths"
        label={t('officerForms.placements.contractMonths')}
        hint={t('officerForms.placements.contractMonthsHint')}
        optional
        inputMode="numeric"
        problem={problems['contractMonths']}
        value={values.contractMonths}
        onValue={set('contractMonths')}
      />
      <TextInput
        id="placement-monthlyWage"
        label={t('placements.wage')}
        hint={t('officerForms.placements.wageHint')}
        optional
        inputMode="numeric"
        problem={problems['monthlyWage']}
        value={values.monthlyWage}
        onValue={set('monthlyWage')}
      />
      <TextInput
        id="placement-wageCurrency"
        label={t('officerForms.placements.currency')}
        hint={t('officerForms.placements.currencyHint')}
        optional
        maxLength={3}
        list="placement-currencies"
        problem={problems['wageCurrency']}
        value={values.wageCurrency}
        onValue={set('wageCurrency')}
      />
      <datalist id="placement-currencies">
        {COMMON_CURRENCIES.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <TextInput
        id="placement-plannedDepartureDate"
        type="date"
        label={t('placements.plannedDeparture')}
        optional
        problem={problems['plannedDepartureDate']}
        value={values.plannedDepartureDate}
        onValue={set('plannedDepartureDate')}
      />
      <TextInput
        id="placement-expectedReturnDate"
        type="date"
        label={t('placements.expectedReturn')}
        optional
        problem={problems['expectedReturnDate']}
        value={values.expectedReturnDate}
        onValue={set('expectedReturnDate')}
      />
    </WriteForm>
  );
}
