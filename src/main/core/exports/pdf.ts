/**
 * PDF with pdfkit: plain Node (the CLI, the tests and the app produce the same bytes), tagged
 * (structure tree: headings, paragraphs, lists, tables, figures with alt text), with a
 * "Confidential — case review" header and "Page x of y" footer marked as artifacts.
 */
import PDFDocument from 'pdfkit';
import { CONFIDENTIAL, exportDate, type Doc } from './doc';

const MARGIN = 64;

/** A tagged PDF/UA-style document with the export's metadata (fixed dates under SOURCE_DATE_EPOCH). */
function newDocument(doc: Doc): PDFKit.PDFDocument {
  const created = exportDate();
  return new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN + 12, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    tagged: true,
    lang: 'en-US',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: `${doc.draft ? 'DRAFT — ' : ''}${doc.title}`,
      Subject: doc.subtitle,
      Creator: 'Casewalk',
      Producer: 'Casewalk',
      CreationDate: created,
      ModDate: created,
    },
  });
}

export function toPdf(doc: Doc): Promise<Buffer> {
  const pdf = newDocument(doc);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const width = pdf.page.width - 2 * MARGIN;
  const text = (type: string, s: string, opts: PDFKit.Mixins.TextOptions = {}) =>
    pdf.text(s, { ...opts, structParent: root, structType: type } as PDFKit.Mixins.TextOptions);

  pdf.font('Helvetica-Bold').fontSize(20);
  text('H1', `${doc.draft ? 'DRAFT — ' : ''}${doc.title}`);
  pdf.font('Helvetica').fontSize(12).fillColor('#333333');
  text('P', doc.subtitle);
  pdf.fillColor('black').moveDown(0.8);

  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        pdf
          .moveDown(0.5)
          .font('Helvetica-Bold')
          .fontSize(b.level === 1 ? 16 : b.level === 2 ? 13.5 : 12);
        text(`H${b.level + 1}`, b.text);
        pdf.font('Helvetica').fontSize(11).moveDown(0.3);
        break;
      case 'paragraph':
        pdf.font(b.emphasis ? 'Helvetica-Bold' : 'Helvetica').fontSize(11);
        text('P', b.text, { width });
        pdf.font('Helvetica').moveDown(0.4);
        break;
      case 'bullets':
        pdf.font('Helvetica').fontSize(11);
        pdf.list(b.items, { width, bulletRadius: 2, textIndent: 14, structParent: root } as PDFKit.Mixins.TextOptions);
        pdf.moveDown(0.4);
        break;
      case 'table': {
        if (b.caption) {
          pdf.font('Helvetica-Oblique').fontSize(10);
          text('Caption', b.caption);
        }
        pdf.font('Helvetica').fontSize(9.5);
        pdf.table({
          data: [b.headers, ...b.rows],
          rowStyles: (i: number) => (i === 0 ? { font: { src: 'Helvetica-Bold' }, backgroundColor: '#e9ecef' } : {}),
        } as never);
        pdf.font('Helvetica').fontSize(11).moveDown(0.6);
        break;
      }
      case 'bars': {
        const max = Math.max(1, ...b.series.map((s) => s.value));
        const rowH = 16;
        const labelW = 170;
        const needed = 22 + rowH * b.series.length;
        if (pdf.y + needed > pdf.page.height - MARGIN) pdf.addPage();
        pdf.font('Helvetica-Bold').fontSize(11);
        text('Caption', b.title);
        const alt = `${b.title}: ${b.series.map((s) => `${s.label} ${s.value}${b.unit ?? ''}`).join('; ')}`;
        const top = pdf.y + 4;
        const figure = pdf.struct('Figure', { alt }, () => {
          b.series.forEach((s, i) => {
            const y = top + i * rowH;
            pdf
              .font('Helvetica')
              .fontSize(9)
              .fillColor('black')
              .text(s.label, MARGIN, y + 3, { width: labelW - 8, lineBreak: false, ellipsis: true });
            const w = ((width - labelW - 50) * s.value) / max;
            pdf.rect(MARGIN + labelW, y + 2, Math.max(1, w), rowH - 5).fill('#006f63');
            pdf.fillColor('black').text(`${s.value}${b.unit ?? ''}`, MARGIN + labelW + w + 4, y + 3, { lineBreak: false });
          });
        });
        root.add(figure);
        pdf.x = MARGIN;
        pdf.y = top + b.series.length * rowH + 10;
        break;
      }
    }
  }
  if (doc.attributions.length) {
    pdf.moveDown(1).font('Helvetica-Oblique').fontSize(9);
    for (const a of doc.attributions) text('P', a, { width });
  }
  root.end();

  // Header and footer on every page, marked as pagination artifacts.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.font('Helvetica').fontSize(9).fillColor('#333333');
    pdf.text(`${CONFIDENTIAL}${doc.draft ? ' · DRAFT' : ''}`, MARGIN, 30, { width, align: 'left', lineBreak: false });
    pdf.text(`Page ${i + 1} of ${range.count}`, MARGIN, pdf.page.height - 40, { width, align: 'right', lineBreak: false });
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
