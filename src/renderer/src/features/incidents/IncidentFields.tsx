/** The incident's coded fields (when, call, response, risk, outcome) with the two guarded texts; each error under its field. */
import { NumberInput, Select, SimpleGrid, TagsInput, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { CALL_SOURCE, DISPOSITION, INTERCEPT, WEEKDAY, YES_NO_UNKNOWN } from '../../../../shared/incidents/values';
import { LIMITS } from '../../../../shared/incidents/schemas';
import { MONTH_OPTIONS } from './format';
import type { IncidentFormValues as Values, SectionProps } from './incidentForm';
import { ChipGroup, ResponseFields, RiskFields } from './ResponseFields';

const HOURS = Array.from({ length: 24 }, (_, h) => ({
  value: String(h),
  label: `${String(h).padStart(2, '0')}:00–${String(h).padStart(2, '0')}:59`,
}));

export interface IncidentFieldsProps extends SectionProps {
  /** The narrative and referrals editors (guarded as typed). */
  narrative: ReactNode;
  referrals: ReactNode;
}

export function IncidentFields({ narrative, referrals, ...p }: IncidentFieldsProps) {
  return (
    <>
      {narrative}
      <WhenAndWhere {...p} />
      <CallFields {...p} />
      <ResponseFields {...p} />
      <RiskFields {...p} />
      <OutcomeFields {...p} referrals={referrals} />
    </>
  );
}

function WhenAndWhere({ values: v, set, errors, readOnly }: SectionProps) {
  return (
    <>
      <Title order={3}>When and where</Title>
      <SimpleGrid cols={{ base: 2, lg: 5 }}>
        <NumberInput
          label="Year"
          required
          value={v.occurredYear}
          onChange={(x) => set('occurredYear', x === '' ? '' : Number(x))}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          error={errors.occurredYear}
          readOnly={readOnly}
        />
        <Select
          label="Month"
          required
          data={MONTH_OPTIONS}
          value={String(v.occurredMonth)}
          onChange={(x) => x && set('occurredMonth', Number(x))}
          allowDeselect={false}
          error={errors.occurredMonth}
          readOnly={readOnly}
        />
        <Select
          label="Weekday"
          data={WEEKDAY.options}
          value={v.weekday}
          onChange={(x) => set('weekday', x as Values['weekday'])}
          clearable
          error={errors.weekday}
          readOnly={readOnly}
        />
        <Select
          label="Hour of day"
          data={HOURS}
          value={v.hourOfDay === null ? null : String(v.hourOfDay)}
          onChange={(x) => set('hourOfDay', x === null ? null : Number(x))}
          clearable
          error={errors.hourOfDay}
          readOnly={readOnly}
        />
        <TextInput
          label="Area"
          description="District, division or precinct"
          value={v.area ?? ''}
          onChange={(e) => set('area', e.currentTarget.value || null)}
          error={errors.area}
          readOnly={readOnly}
        />
      </SimpleGrid>
    </>
  );
}

function CallFields({ values: v, set, errors, readOnly }: SectionProps) {
  return (
    <>
      <Title order={3}>Call</Title>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Select
          label="Call source"
          data={CALL_SOURCE.options}
          value={v.callSource}
          onChange={(x) => set('callSource', x as Values['callSource'])}
          clearable
          error={errors.callSource}
          readOnly={readOnly}
        />
        <TextInput
          label="Initial call type"
          value={v.initialCallType ?? ''}
          onChange={(e) => set('initialCallType', e.currentTarget.value || null)}
          error={errors.initialCallType}
          readOnly={readOnly}
        />
        <TextInput
          label="Final call type"
          value={v.finalCallType ?? ''}
          onChange={(e) => set('finalCallType', e.currentTarget.value || null)}
          error={errors.finalCallType}
          readOnly={readOnly}
        />
      </SimpleGrid>
    </>
  );
}

function OutcomeFields({ values: v, set, errors, readOnly, referrals }: SectionProps & { referrals: ReactNode }) {
  return (
    <>
      <Title order={3}>Outcome</Title>
      <ChipGroup
        label="Disposition"
        options={DISPOSITION.options}
        value={v.dispositions}
        onChange={(x) => set('dispositions', x as Values['dispositions'])}
        error={errors.dispositions}
        readOnly={readOnly}
      />
      {referrals}
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Select
          label="Follow-up contact within 7 days"
          data={YES_NO_UNKNOWN.options}
          value={v.followUp7}
          onChange={(x) => x && set('followUp7', x as Values['followUp7'])}
          allowDeselect={false}
          error={errors.followUp7}
          readOnly={readOnly}
        />
        <Select
          label="Veteran"
          data={YES_NO_UNKNOWN.options}
          value={v.veteran}
          onChange={(x) => x && set('veteran', x as Values['veteran'])}
          allowDeselect={false}
          error={errors.veteran}
          readOnly={readOnly}
        />
        <NumberInput
          label="Prior contacts in last 12 months"
          value={v.priorContacts ?? ''}
          onChange={(x) => set('priorContacts', x === '' ? null : Number(x))}
          allowDecimal={false}
          clampBehavior="none"
          error={errors.priorContacts}
          readOnly={readOnly}
        />
      </SimpleGrid>
      <ChipGroup
        label="Sequential Intercept Model"
        options={INTERCEPT.options}
        value={v.intercepts}
        onChange={(x) => set('intercepts', x as Values['intercepts'])}
        error={errors.intercepts}
        readOnly={readOnly}
      />
      <TagsInput
        label="Tags"
        value={v.tags}
        onChange={(x) => set('tags', x)}
        maxTags={LIMITS.tags}
        error={errors.tags}
        readOnly={readOnly}
        clearable
      />
    </>
  );
}
