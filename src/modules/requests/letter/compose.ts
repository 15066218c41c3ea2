import { pageLabel } from './labels.ts';
import { BODY_BOTTOM, CONTENT_WIDTH, Composer, PAGE } from './composer.ts';
import type { Letter } from './normalize.ts';
import type { Line, TextStyle } from './typeset.ts';

/**
 * The parts of a formal letter, top to bottom: letterhead, the reference block (from, to, date, both references,
 * request id), title, the required contents section by section, the signature block, the ledger receipt, and on
 * every page a footer with our reference and "page x / y".
 */

export const STYLES = Object.freeze({
  authority: { role: 'bold', size: 13 },
  state: { role: 'regular', size: 10.5 },
  metaLabel: { role: 'bold', size: 9 },
  meta: { role: 'regular', size: 9.5 },
  title: { role: 'bold', size: 13 },
  heading: { role: 'bold', size: 11 },
  label: { role: 'bold', size: 9 },
  value: { role: 'regular', size: 10 },
  signer: { role: 'bold', size: 10 },
  body: { role: 'regular', size: 10 },
  caption: { role: 'regular', size: 8 },
  mono: { role: 'mono', size: 8 },
  footer: { role: 'regular', size: 8 },
} satisfies Record<string, TextStyle>);

/** Line height as a multiple of the font size: Arabic and Chinese need more room above and below. */
export function leadingOf(language: Letter['language']): number {
  return language === 'ar' ? 1.75 : language === 'zh' ? 1.55 : 1.35;
}

const LABEL_WIDTH = Math.round(CONTENT_WIDTH * 0.32);
const META_LABEL_WIDTH = Math.round(CONTENT_WIDTH * 0.26);
const GUTTER = 12;

/** Lays the whole letter out on `c`'s document (pages are buffered; footers are drawn last, when the count is known). */
export function composeLetter(c: Composer, letter: Letter): void {
  c.newPage();
  letterhead(c, letter);
  references(c, letter);
  title(c, letter);
  for (const section of letter.sections) contents(c, letter, section);
  c.onNewPage = null;
  signature(c, letter);
  receipt(c, letter);
}

const party = (p: Letter['from']): string =>
  [p.authority, p.stateName === '' || p.stateName === p.state ? p.state : `${p.stateName} (${p.state})`].filter((s) => s.trim() !== '').join('\n');

function letterhead(c: Composer, l: Letter): void {
  const name = l.from.authority.trim() === '' ? l.from.stateName || l.from.state : l.from.authority;
  c.lines(c.layout(name, STYLES.authority, CONTENT_WIDTH), STYLES.authority);
  const state = l.from.stateName === '' || l.from.stateName === l.from.state ? l.from.state : `${l.from.stateName} (${l.from.state})`;
  c.lines(c.layout(state, STYLES.state, CONTENT_WIDTH), STYLES.state);
  c.gap(6);
  c.rule(0, CONTENT_WIDTH, 0.8);
  c.gap(14);
}

function metaRow(c: Composer, label: string, value: string): void {
  const labelLines = c.layout(label, STYLES.metaLabel, META_LABEL_WIDTH);
  const valueLines = c.layout(value, STYLES.meta, CONTENT_WIDTH - META_LABEL_WIDTH - GUTTER);
  c.row(labelLines, STYLES.metaLabel, valueLines, STYLES.meta, META_LABEL_WIDTH, GUTTER);
  c.gap(2);
}

function references(c: Composer, l: Letter): void {
  const { labels } = l;
  metaRow(c, labels.from, party(l.from));
  metaRow(c, labels.to, party(l.to));
  metaRow(c, labels.date, l.dateText);
  metaRow(c, labels.ourReference, l.references.ours);
  metaRow(c, labels.yourReference, l.references.theirs ?? labels.notYetAssigned);
  metaRow(c, labels.requestId, l.references.ledgerObject);
  c.gap(14);
}

function title(c: Composer, l: Letter): void {
  const lines = c.layout(l.title, STYLES.title, CONTENT_WIDTH);
  c.keep(lines.length * c.lineHeight(STYLES.title));
  c.lines(lines, STYLES.title);
  c.gap(10);
}

function heading(c: Composer, text: string): void {
  c.lines(c.layout(text, STYLES.heading, CONTENT_WIDTH), STYLES.heading);
  c.gap(1);
  c.rule(0, CONTENT_WIDTH, 0.4);
  c.gap(5);
}

function contents(c: Composer, l: Letter, section: Letter['sections'][number]): void {
  const rows = section.rows.map((r) => ({
    label: c.layout(r.label, STYLES.label, LABEL_WIDTH),
    value: c.layout(r.value.trim() === '' ? l.labels.emptyValue : r.value, STYLES.value, CONTENT_WIDTH - LABEL_WIDTH - GUTTER),
  }));
  const headingLines = c.layout(section.heading, STYLES.heading, CONTENT_WIDTH);
  const first = rows[0];
  const firstRow = first === undefined ? 0 : Math.min(2, Math.max(first.label.length, first.value.length)) * c.lineHeight(STYLES.value);
  // Never leave a heading alone at the bottom of a page.
  if (headingLines.length * c.lineHeight(STYLES.heading) + 6 + firstRow > c.room()) c.newPage();
  c.onNewPage = null;
  heading(c, section.heading);
  c.onNewPage = () => heading(c, `${section.heading} ${l.labels.continued}`);
  for (const r of rows) {
    c.row(r.label, STYLES.label, r.value, STYLES.value, LABEL_WIDTH, GUTTER);
    c.gap(4);
  }
  c.gap(8);
}

function height(c: Composer, lines: readonly Line[], style: TextStyle): number {
  return lines.length * c.lineHeight(style);
}

function signature(c: Composer, l: Letter): void {
  const s = l.signature;
  const width = Math.min(CONTENT_WIDTH, 240);
  const caption = c.layout(l.labels.signature, STYLES.caption, width);
  const signer = [
    { lines: s.name.trim() === '' ? [] : c.layout(s.name, STYLES.signer, width), style: STYLES.signer },
    { lines: s.title.trim() === '' ? [] : c.layout(s.title, STYLES.body, width), style: STYLES.body },
    { lines: s.authority.trim() === '' ? [] : c.layout(s.authority, STYLES.body, width), style: STYLES.body },
  ];
  const auth = s.authorizedBy ?? null;
  const authRows =
    auth === null
      ? []
      : [
          { label: c.layout(l.labels.authorizedBy, STYLES.metaLabel, META_LABEL_WIDTH), value: c.layout(auth.name, STYLES.meta, CONTENT_WIDTH - META_LABEL_WIDTH - GUTTER) },
          { label: c.layout(l.labels.decision, STYLES.metaLabel, META_LABEL_WIDTH), value: c.layout(auth.decision, STYLES.meta, CONTENT_WIDTH - META_LABEL_WIDTH - GUTTER) },
        ];
  const space = 42;
  const total =
    16 + space + 3 + height(c, caption, STYLES.caption) + 4 +
    signer.reduce((h, p) => h + height(c, p.lines, p.style), 0) +
    authRows.reduce((h, r) => h + c.rowHeight(r.label, STYLES.metaLabel, r.value, STYLES.meta) + 2, auth === null ? 0 : 8);
  c.gap(16);
  c.keep(total - 16);
  c.gap(space);
  c.rule(0, width, 0.6);
  c.gap(3);
  c.lines(caption, STYLES.caption, 0, width);
  c.gap(4);
  for (const p of signer) c.lines(p.lines, p.style, 0, width);
  if (auth !== null) {
    c.gap(8);
    for (const r of authRows) {
      c.row(r.label, STYLES.metaLabel, r.value, STYLES.meta, META_LABEL_WIDTH, GUTTER);
      c.gap(2);
    }
  }
}

function receipt(c: Composer, l: Letter): void {
  const r = l.receipt;
  const headingLines = c.layout(l.labels.ledgerReceipt, STYLES.heading, CONTENT_WIDTH);
  const headingHeight = height(c, headingLines, STYLES.heading) + 6;
  c.gap(22);
  if (r === null) {
    const pending = c.layout(l.labels.receiptPending, STYLES.body, CONTENT_WIDTH);
    c.keep(headingHeight + height(c, pending, STYLES.body));
    heading(c, l.labels.ledgerReceipt);
    c.lines(pending, STYLES.body);
    return;
  }
  const indexLabel = c.layout(l.labels.ledgerIndex, STYLES.metaLabel, META_LABEL_WIDTH);
  const indexValue = c.layout(r.index, STYLES.meta, CONTENT_WIDTH - META_LABEL_WIDTH - GUTTER);
  const cpLabel = c.layout(l.labels.checkpoint, STYLES.metaLabel, CONTENT_WIDTH);
  const pad = 6;
  // The note is code: left to right in every letter, each of its lines kept, long lines wrapped.
  // Wrapped continuations are indented, so that every line of the note is still seen as one line.
  const indent = STYLES.mono.size * 2;
  const note = c.layout(r.checkpoint, STYLES.mono, CONTENT_WIDTH - 2 * pad - indent, 0, 'code');
  const hint = c.layout(r.verifyHint, STYLES.caption, CONTENT_WIDTH);
  const noteHeight = height(c, note, STYLES.mono) + 2 * pad;
  const total =
    headingHeight + c.rowHeight(indexLabel, STYLES.metaLabel, indexValue, STYLES.meta) + 4 + height(c, cpLabel, STYLES.metaLabel) + 3 + noteHeight + 5 + height(c, hint, STYLES.caption);
  c.keep(total);
  heading(c, l.labels.ledgerReceipt);
  c.row(indexLabel, STYLES.metaLabel, indexValue, STYLES.meta, META_LABEL_WIDTH, GUTTER);
  c.gap(4);
  c.lines(cpLabel, STYLES.metaLabel);
  c.gap(3);
  if (noteHeight <= c.room()) {
    c.box(0, CONTENT_WIDTH, c.y, noteHeight);
    c.gap(pad);
    c.lines(note, STYLES.mono, pad, CONTENT_WIDTH - 2 * pad, 'start', true, indent);
    c.gap(pad);
  } else {
    c.lines(note, STYLES.mono, 0, CONTENT_WIDTH, 'start', true, indent);
  }
  c.gap(5);
  c.lines(hint, STYLES.caption);
}

/** Footer of every page: our reference at the start edge, "page x / y" at the end edge, under a thin rule. */
export function drawFooters(c: Composer, doc: PDFKit.PDFDocument, l: Letter): void {
  const range = doc.bufferedPageRange();
  const ref = `${l.labels.ourReference}: ${l.references.ours}`;
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const pageText = pageLabel(l.labels, i + 1, range.count);
    const pageLines = c.layout(pageText, STYLES.footer, CONTENT_WIDTH / 3);
    const pageWidth = Math.max(...pageLines.map((x) => x.width));
    const refLines = c.layout(ref, STYLES.footer, CONTENT_WIDTH - pageWidth - GUTTER);
    const lh = c.lineHeight(STYLES.footer);
    c.y = BODY_BOTTOM + 14;
    c.rule(0, CONTENT_WIDTH, 0.4);
    const top = PAGE.footerBaseline - STYLES.footer.size * 0.8 - (lh - STYLES.footer.size) / 2;
    refLines.forEach((line, k) => c.drawLine(line, STYLES.footer, 0, CONTENT_WIDTH - pageWidth - GUTTER, top + k * lh, 'start'));
    pageLines.forEach((line, k) => c.drawLine(line, STYLES.footer, CONTENT_WIDTH - pageWidth, pageWidth, top + k * lh, 'end'));
  }
}
