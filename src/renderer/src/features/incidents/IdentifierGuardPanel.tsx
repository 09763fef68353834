/** Identifier findings outside the two guarded texts (timeline steps, short fields), and the decisions already made. */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { IncidentDetail } from '../../../../shared/incidents/schemas';
import { formatDate } from '../../lib/format';

type Finding = IncidentDetail['findings'][number];

export function IdentifierGuardPanel(p: {
  detail: IncidentDetail;
  readOnly: boolean;
  onRedact(f: Finding): void;
  onDismiss(f: Finding): void;
}) {
  const otherFindings = p.detail.findings.filter((f) => !['narrative', 'referrals'].includes(f.field));
  const dismissed = p.detail.findings.filter((f) => f.dismissed);
  if (otherFindings.length === 0 && dismissed.length === 0) return null;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={3}>Identifier guard</Title>
        {otherFindings
          .filter((f) => !f.dismissed)
          .map((f) => (
            <Group key={`${f.field}-${f.start}`} gap="sm">
              <Badge color="red.9" variant="filled">
                {f.type}
              </Badge>
              <Text>
                “{f.text}” in {f.field.startsWith('timeline:') ? 'a timeline step' : f.field}
              </Text>
              {!p.readOnly && (
                <>
                  <Button size="compact-md" color="red.9" onClick={() => p.onRedact(f)}>
                    Redact
                  </Button>
                  <Button size="compact-md" variant="default" onClick={() => p.onDismiss(f)}>
                    Not an identifier…
                  </Button>
                </>
              )}
            </Group>
          ))}
        {dismissed.length > 0 && (
          <>
            <Text fw={700}>Marked as not identifiers</Text>
            {dismissed.map((f) => (
              <Text key={`${f.field}-${f.start}-d`} size="md">
                “{f.text}” ({f.type}) — {f.dismissed!.reason} · {f.dismissed!.by ?? 'unknown'}, {formatDate(f.dismissed!.at)}
              </Text>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
