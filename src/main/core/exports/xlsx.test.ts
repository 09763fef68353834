import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnName, xlsx } from './xlsx';

describe('xlsx', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });
  it('writes text cells only, escaped, without the control characters XML forbids', () => {
    const files = unzipSync(
      xlsx({ name: 'Register: 2026/27', headers: ['Code', 'Action'], rows: [['R-1', '=SUM(A1) <b> & "x"\u0001\u0007 tab\tok']] }),
    );
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain(
      '<c r="B2" t="inlineStr" s="2"><is><t xml:space="preserve">=SUM(A1) &lt;b&gt; &amp; &quot;x&quot; tab\tok</t></is></c>',
    );
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('<autoFilter ref="A1:B2"/>');
    // Sheet names cannot hold : / ? * [ ] and are at most 31 characters.
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<sheet name="Register  2026 27"');
  });
  it('an empty register is still a valid sheet: the header row and a filter over it', () => {
    const files = unzipSync(xlsx({ name: 'Recommendations', headers: ['Code', 'Action'], rows: [] }));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<row r="1">');
    expect(sheet).not.toContain('<row r="2">');
    expect(sheet).toContain('<autoFilter ref="A1:B1"/>');
  });
});
