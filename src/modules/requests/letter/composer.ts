import type { BaseLevel } from './bidi.ts';
import type { BreakMode } from './linebreak.ts';
import type { Line, TextStyle, Typesetter } from './typeset.ts';

/**
 * The page flow of a letter: A4 pages, a cursor that moves down, page breaks between lines (never inside one),
 * blocks kept together when they fit on a page, two-column rows, and mirrored geometry for right-to-left letters
 * (offsets are measured from the start edge: the left in English, the right in Arabic).
 */

/** A4 in points, with the margins of the letter. Exported for tests that locate header and footer text. */
export const PAGE = Object.freeze({
  width: 595.28,
  height: 841.89,
  marginTop: 56.69,
  marginBottom: 70.87,
  marginSide: 62.36,
  /** Baseline of the footer's first line, from the top of the page. */
  footerBaseline: 841.89 - 42,
});
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginSide;
/** The lowest point body text may reach; the footer lives below it. */
export const BODY_BOTTOM = PAGE.height - PAGE.marginBottom;

export type Align = 'start' | 'end' | 'center';

export class Composer {
  /** Top of the next line box, in points from the top of the page. */
  y: number = PAGE.marginTop;
  /** Called at the top of every page after the first one (e.g. to repeat a section heading). */
  onNewPage: (() => void) | null = null;
  readonly ts: Typesetter;
  readonly rtl: boolean;
  readonly base: BaseLevel;
  private readonly doc: PDFKit.PDFDocument;
  private readonly leading: number;
  private pages = 0;

  constructor(doc: PDFKit.PDFDocument, ts: Typesetter, rtl: boolean, leading: number) {
    this.doc = doc;
    this.ts = ts;
    this.rtl = rtl;
    this.base = rtl ? 1 : 0;
    this.leading = leading;
  }

  lineHeight(style: TextStyle): number {
    return style.size * this.leading;
  }

  /** Left edge of a box `[offset, offset + width)` measured from the start edge of the text area. */
  x(offset: number, width: number): number {
    return this.rtl ? PAGE.width - PAGE.marginSide - offset - width : PAGE.marginSide + offset;
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginSide, right: PAGE.marginSide } });
    this.pages++;
    this.y = PAGE.marginTop;
    const hook = this.onNewPage;
    if (this.pages > 1 && hook !== null) {
      this.onNewPage = null;
      try {
        hook();
      } finally {
        this.onNewPage = hook;
      }
    }
  }

  /** Room left on this page. */
  room(): number {
    return BODY_BOTTOM - this.y;
  }

  /** Starts a new page unless `height` fits below the cursor (a block taller than a page is not moved). */
  keep(height: number): void {
    if (height > this.room() && height <= BODY_BOTTOM - PAGE.marginTop) this.newPage();
  }

  gap(height: number): void {
    this.y += height;
  }

  layout(text: string, style: TextStyle, width: number, base: BaseLevel = this.base, mode: BreakMode = 'text'): Line[] {
    return this.ts.layout(text, style, width, base, mode);
  }

  /**
   * Draws one line in the box `[offset, offset + width)` with its top at `top`. `baselineOf` places the baseline as
   * for that style (two columns of different sizes share a baseline).
   */
  drawLine(line: Line, style: TextStyle, offset: number, width: number, top: number, align: Align, rtlBox = this.rtl, baselineOf: TextStyle = style): void {
    const lh = this.lineHeight(baselineOf);
    const left = this.x(offset, width);
    const startLeft = rtlBox ? left + width - line.width : left;
    const endLeft = rtlBox ? left : left + width - line.width;
    const x = align === 'start' ? startLeft : align === 'end' ? endLeft : left + (width - line.width) / 2;
    this.ts.draw(line, style, x, top + (lh - baselineOf.size) / 2 + baselineOf.size * 0.8);
  }

  /** Lines one under the other, breaking pages between lines. `ltrBox` aligns them as left-to-right text. */
  lines(lines: readonly Line[], style: TextStyle, offset = 0, width = CONTENT_WIDTH, align: Align = 'start', ltrBox = false, hangingIndent = 0): void {
    const lh = this.lineHeight(style);
    for (const line of lines) {
      if (lh > this.room()) this.newPage();
      const indent = line.continuation ? hangingIndent : 0;
      // The indent is on the start side of the box's own direction (the left of a left-to-right box in Arabic).
      const shift = ltrBox && this.rtl ? 0 : indent;
      this.drawLine(line, style, offset + shift, width - indent, this.y, align, ltrBox ? false : this.rtl);
      this.y += lh;
    }
  }

  /**
   * A two-column row: `label` lines in the start column, `value` lines beside them. Both columns advance together;
   * when the row runs past the page, the rest continues on the next one. Each page's part of the label is written
   * before its part of the value, so that extracted text keeps each together.
   */
  row(label: readonly Line[], labelStyle: TextStyle, value: readonly Line[], valueStyle: TextStyle, labelWidth: number, gutter: number): void {
    const lh = Math.max(this.lineHeight(labelStyle), this.lineHeight(valueStyle));
    const tall = this.lineHeight(labelStyle) > this.lineHeight(valueStyle) ? labelStyle : valueStyle;
    const n = Math.max(label.length, value.length);
    const valueOffset = labelWidth + gutter;
    const valueWidth = CONTENT_WIDTH - valueOffset;
    if (Math.min(n, 2) * lh > this.room()) this.newPage();
    for (let i = 0; i < n; ) {
      if (lh > this.room()) this.newPage();
      const end = Math.min(n, i + Math.max(1, Math.floor(this.room() / lh)));
      for (let k = i; k < end; k++) {
        const l = label[k];
        if (l !== undefined) this.drawLine(l, labelStyle, 0, labelWidth, this.y + (k - i) * lh, 'start', this.rtl, tall);
      }
      for (let k = i; k < end; k++) {
        const v = value[k];
        if (v !== undefined) this.drawLine(v, valueStyle, valueOffset, valueWidth, this.y + (k - i) * lh, 'start', this.rtl, tall);
      }
      this.y += (end - i) * lh;
      i = end;
    }
  }

  /** Height of a row as `row` would draw it (for keeping blocks together). */
  rowHeight(label: readonly Line[], labelStyle: TextStyle, value: readonly Line[], valueStyle: TextStyle): number {
    return Math.max(label.length, value.length) * Math.max(this.lineHeight(labelStyle), this.lineHeight(valueStyle));
  }

  /** A horizontal rule across `[offset, offset + width)` at the cursor. */
  rule(offset = 0, width = CONTENT_WIDTH, weight = 0.5): void {
    const x = this.x(offset, width);
    this.doc.save().lineWidth(weight).moveTo(x, this.y).lineTo(x + width, this.y).stroke().restore();
  }

  /** A rectangle outline (black, thin). */
  box(offset: number, width: number, top: number, height: number): void {
    const x = this.x(offset, width);
    this.doc.save().lineWidth(0.5).rect(x, top, width, height).stroke().restore();
  }
}
