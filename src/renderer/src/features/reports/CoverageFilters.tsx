/** The coverage view's filters: the service, area, call source and disposition. */
import { Anchor, Group, Select, Text } from '@mantine/core';
import type { Service } from '../../../../shared/coverage/schemas';
import { CALL_SOURCE, DISPOSITION } from '../../../../shared/incidents/values';
import { href, paths } from '../../lib/routes';

export interface CoverageFilter {
  serviceId: string | null;
  area: string | null;
  callSource: string | null;
  disposition: string | null;
}

export function CoverageFilters(p: {
  services: Service[];
  areas: string[];
  value: CoverageFilter;
  onChange(patch: Partial<CoverageFilter>): void;
}) {
  return (
    <>
      <Group align="flex-end">
        <Select
          label="Service"
          data={p.services.map((s) => ({ value: String(s.id), label: s.name }))}
          value={p.value.serviceId}
          onChange={(serviceId) => p.onChange({ serviceId })}
          placeholder={p.services.length ? 'Choose a service' : 'No services yet'}
          w={280}
          clearable
        />
        <Select label="Area" data={p.areas} value={p.value.area} onChange={(area) => p.onChange({ area })} clearable searchable w={180} />
        <Select
          label="Call source"
          data={CALL_SOURCE.options}
          value={p.value.callSource}
          onChange={(callSource) => p.onChange({ callSource })}
          clearable
          w={220}
        />
        <Select
          label="Disposition"
          data={DISPOSITION.options}
          value={p.value.disposition}
          onChange={(disposition) => p.onChange({ disposition })}
          clearable
          w={280}
        />
      </Group>
      {!p.services.length && (
        <Text size="sm">
          To compare incidents with when a service can answer, add the service and its hours in{' '}
          <Anchor href={href(paths.settings('services'))} fw={600}>
            Settings → Crisis services
          </Anchor>
          .
        </Text>
      )}
    </>
  );
}
