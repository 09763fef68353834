/**
 * DOCX with the `docx` package: real heading styles, tables with a header row, bullet lists,
 * "Confidential — case review" header and "Page x of y" footer. With SOURCE_DATE_EPOCH set the
 * package is re-zipped with fixed timestamps and dates, so the same record gives the same bytes.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CONFIDENTIAL, exportDate, type Doc } from './doc';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

export async function toDocx(doc: Doc): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`${doc.draft ? 'DRAFT — ' : ''}${doc.title}`)] }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
  ];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        children.push(new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(b.text)] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ children: [new TextRun({ text: b.text, bold: b.emphasis ?? false })] }));
        break;
      case 'bullets':
        for (const item of b.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
        break;
      case 'table':
      case 'bars': {
        const headers = b.kind === 'table' ? b.headers : [b.title, b.unit ? `Value (${b.unit})` : 'Value'];
        const rows = b.kind === 'table' ? b.rows : b.series.map((s) => [s.label, String(s.value)]);
        if (b.kind === 'table' && b.caption) children.push(new Paragraph({ children: [new TextRun({ text: b.caption, italics: true })] }));
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: headers.map(
                  (h) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })] }),
                ),
              }),
              ...rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
            ],
          }),
        );
        children.push(new Paragraph(''));
        break;
      }
    }
  }
  for (const a of doc.attributions) children.push(new Paragraph({ children: [new TextRun({ text: a, italics: true, size: 18 })] }));

  const document = new Document({
    title: `${doc.draft ? 'DRAFT — ' : ''}${doc.title}`,
    description: doc.subtitle,
    creator: 'Casewalk',
    lastModifiedBy: 'Casewalk',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [new Paragraph({ children: [new TextRun({ text: `${CONFIDENTIAL}${doc.draft ? ' · DRAFT' : ''}`, size: 18 })] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const raw = await Packer.toBuffer(document);
  return fixDates(raw);
}

/** Fixed zip entry times and core-properties dates (exportDate()), entries in a stable order. */
function fixDates(raw: Buffer): Buffer {
  const when = exportDate();
  const iso = `${when.toISOString().slice(0, 19)}Z`;
  const files = unzipSync(new Uint8Array(raw));
  const out: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const name of Object.keys(files).sort()) {
    let data = files[name]!;
    if (name === 'docProps/core.xml') {
      data = strToU8(
        strFromU8(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`),
      );
    }
    out[name] = [data, { mtime: when }];
  }
  return Buffer.from(zipSync(out, { level: 6 }));
}
