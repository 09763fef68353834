/** One finding from a 24/7 coverage gap: category, intercept, when, the text, and "make a recommendation". */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { Finding } from '../../../../shared/meetings/schemas';
import { FINDING_CATEGORY } from '../../../../shared/meetings/values';
import { INTERCEPT } from '../../../../shared/incidents/values';
import { formatDate } from '../../lib/format';

export function SystemicFindingCard({
  finding: f,
  onRecommend,
  onEdit,
}: {
  finding: Finding;
  onRecommend?: (() => void) | undefined;
  onEdit?: (() => void) | undefined;
}) {
  const recs = f.recommendationIds.length;
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="default" size="lg">
            {FINDING_CATEGORY.label(f.category)}
          </Badge>
          <Text size="sm">Intercept {INTERCEPT.label(f.intercept ?? '0')}</Text>
          <Text size="sm">· recorded {formatDate(f.createdAt)}</Text>
          {recs > 0 && (
            <Text size="sm">
              · {recs} recommendation{recs === 1 ? '' : 's'}
            </Text>
          )}
        </Group>
        <Text>{f.description}</Text>
      </Stack>
      <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
        {onEdit && (
          <Button variant="default" onClick={onEdit} aria-label={`Edit finding ${f.id}`}>
            Edit
          </Button>
        )}
        {onRecommend && (
          <Button variant="default" onClick={onRecommend} aria-label={`Make a recommendation from finding ${f.id}`}>
            Make a recommendation
          </Button>
        )}
      </Group>
    </Group>
  );
}
