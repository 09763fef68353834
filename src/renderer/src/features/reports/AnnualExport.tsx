/** The annual report export: the year (the period's last year by default) and PDF, DOCX or Markdown, through the export guard. */
import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { GuardBlock } from '../../../../shared/result';
import { api, unwrap } from '../../lib/api';
import { blockedOf } from '../../ui/GuardBlocked';
import { ExportMenu } from '../meetings';
import { formatCount } from '../../lib/format';

export function AnnualExport(p: { lastYear: string; onError(message: string | null, blocked: GuardBlock[] | null): void }) {
  const [chosenYear, setYear] = useState<string | null>(null);
  const year = chosenYear ?? p.lastYear;
  const years = Array.from({ length: 12 }, (_, i) => String(Number(p.lastYear) - i));
  const exportAnnual = async (format: 'md' | 'docx' | 'pdf') => {
    try {
      const f = await unwrap(api().files.chooseSave({ purpose: 'export', suggestedName: `annual-report-${year}.${format}` }));
      if (!f) return;
      const r = await unwrap(api().reports.exportAnnual({ year: Number(year), format, handle: f.handle }));
      p.onError(null, null);
      notifications.show({ title: 'Annual report exported', message: `${r.displayName} (${formatCount(r.bytes)} bytes)` });
    } catch (e) {
      p.onError((e as Error).message, blockedOf(e));
    }
  };
  return (
    <>
      <Select label="Annual report year" data={years} value={year} onChange={setYear} w={160} />
      <ExportMenu label="Export annual report" onPick={(f) => void exportAnnual(f)} />
    </>
  );
}
