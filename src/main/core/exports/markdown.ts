import { CONFIDENTIAL, type Doc } from './doc';

/** Escapes Markdown and HTML so exported text can never become markup, links or script. */
export function mdEscape(s: string): string {
  return s
    .replace(/[\\`*_{}[\]<>()#+!|~]/g, '\\$&')
    .replace(/^(\s*)([-=>]|\d+\.)/gm, '$1\\$2')
    .replace(/\r?\n/g, '  \n');
}

export function toMarkdown(doc: Doc): string {
  const out: string[] = [
    `# ${doc.draft ? 'DRAFT — ' : ''}${mdEscape(doc.title)}`,
    '',
    `*${mdEscape(doc.subtitle)}*`,
    '',
    `*${CONFIDENTIAL}*`,
    '',
  ];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level + 1)} ${mdEscape(b.text)}`, '');
        break;
      case 'paragraph':
        out.push(b.emphasis ? `**${mdEscape(b.text)}**` : mdEscape(b.text), '');
        break;
      case 'bullets':
        out.push(...b.items.map((i) => `- ${mdEscape(i)}`), '');
        break;
      case 'table':
        if (b.caption) out.push(`*${mdEscape(b.caption)}*`, '');
        out.push(`| ${b.headers.map(mdEscape).join(' | ')} |`, `| ${b.headers.map(() => '---').join(' | ')} |`);
        out.push(...b.rows.map((r) => `| ${r.map(mdEscape).join(' | ')} |`), '');
        break;
      case 'bars':
        out.push(`*${mdEscape(b.title)}*`, '', '| | |', '| --- | --- |');
        out.push(...b.series.map((s) => `| ${mdEscape(s.label)} | ${s.value}${b.unit ?? ''} |`), '');
        break;
    }
  }
  for (const a of doc.attributions) out.push(`*${mdEscape(a)}*`, '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
