import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openFonts, type FontkitFont } from './fontkit.ts';

/**
 * The font files a node can use for letters: the `letterFontsDir` folder first, then the system font folders,
 * searched recursively. Files are found by name (Debian and most distributions keep upstream names), read once
 * and kept, because a CJK collection is tens of megabytes and letters are printed again and again.
 */

/** A face the letter can draw with: a PDF standard font, or one face of a font file (embedded, subset). */
export interface Face {
  /** The name the face is registered under in a document (unique per face). */
  readonly key: string;
  /** Where it came from, for messages: a file path (`#name` for a member of a collection) or a standard font. */
  readonly source: string;
  /** Set for the PDF standard fonts (not embedded; WinAnsi only). */
  readonly standard: boolean;
  readonly data: Buffer | null;
  /** The PostScript name to open inside a collection (TTC), else null. */
  readonly collectionName: string | null;
  covers(cp: number): boolean;
}

/** A file to look for, and the face inside it when the file is a collection. */
export interface Candidate {
  readonly file: string;
  readonly name?: string;
}

export const DEFAULT_SYSTEM_FONT_DIRS: readonly string[] = ['/usr/share/fonts', '/usr/local/share/fonts'];

const FONT_FILE = /\.(ttf|otf|ttc)$/i;
const MAX_DEPTH = 8;

/** Characters of the WinAnsi encoding: all a standard PDF font can print (pdfkit garbles anything else). */
const WIN_ANSI_EXTRA: ReadonlySet<number> = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
  0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);
export const inWinAnsi = (cp: number): boolean => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);

/** One of the PDF standard fonts pdfkit ships (Helvetica, Helvetica-Bold, Courier). */
export function standardFace(name: 'Helvetica' | 'Helvetica-Bold' | 'Courier'): Face {
  return { key: name, source: `${name} (PDF standard font)`, standard: true, data: null, collectionName: null, covers: inWinAnsi };
}

export class FontCatalog {
  /** The folders searched, in order. */
  readonly dirs: readonly string[];
  private index: Map<string, string[]> | null = null;
  private readonly missingDirs: string[] = [];
  private readonly faces = new Map<string, Face | null>();

  constructor(dirs: readonly string[]) {
    this.dirs = dirs;
  }

  /** Forget what was scanned (fonts installed since are then found); faces already opened are kept. */
  forget(): void {
    this.index = null;
    for (const [key, face] of this.faces) if (face === null) this.faces.delete(key);
  }

  /** The searched folders for messages, marking those that do not exist. */
  async describeDirs(): Promise<string> {
    await this.scan();
    return this.dirs.map((d) => (this.missingDirs.includes(d) ? `${d} (not found)` : d)).join(', ');
  }

  /**
   * The first face matching `candidate` (by file name, case-insensitive, in folder order) that `accept` takes,
   * or null. A collection member is chosen by PostScript name, or else the first member `accept` takes.
   */
  async find(candidate: Candidate, accept: (font: FontkitFont) => boolean): Promise<Face | null> {
    const index = await this.scan();
    for (const path of index.get(candidate.file.toLowerCase()) ?? []) {
      const cacheKey = `${path}#${candidate.name ?? ''}`;
      if (this.faces.has(cacheKey)) {
        const face = this.faces.get(cacheKey) ?? null;
        if (face !== null) return face;
        continue;
      }
      const face = await this.open(path, candidate.name, accept);
      this.faces.set(cacheKey, face);
      if (face !== null) return face;
    }
    return null;
  }

  private async open(path: string, name: string | undefined, accept: (font: FontkitFont) => boolean): Promise<Face | null> {
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch {
      return null;
    }
    const members = openFonts(data);
    const font = members.find((f) => (name === undefined || f.postscriptName === name) && accept(f));
    if (font === undefined) return null;
    const collectionName = members.length > 1 ? font.postscriptName : null;
    const source = collectionName === null ? path : `${path}#${collectionName}`;
    return { key: source, source, standard: false, data, collectionName, covers: (cp) => font.hasGlyphForCodePoint(cp) };
  }

  private async scan(): Promise<Map<string, string[]>> {
    if (this.index !== null) return this.index;
    const index = new Map<string, string[]>();
    const seen = new Set<string>();
    this.missingDirs.length = 0;
    for (const dir of this.dirs) {
      if (!(await isDir(dir))) {
        this.missingDirs.push(dir);
        continue;
      }
      await walk(dir, 0, seen, index);
    }
    this.index = index;
    return index;
  }
}

async function isDir(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function walk(dir: string, depth: number, seen: Set<string>, index: Map<string, string[]>): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch {
    return;
  }
  if (seen.has(real) || depth > MAX_DEPTH) return;
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const isLink = entry.isSymbolicLink();
    if (entry.isDirectory() || (isLink && (await isDir(path)))) {
      await walk(path, depth + 1, seen, index);
    } else if ((entry.isFile() || isLink) && FONT_FILE.test(entry.name)) {
      const key = entry.name.toLowerCase();
      const list = index.get(key) ?? [];
      list.push(path);
      index.set(key, list);
    }
  }
}

const catalogs = new Map<string, FontCatalog>();

/** The catalog of one search path, shared by every letter printed with it (fonts are read once). */
export function catalogFor(dirs: readonly string[]): FontCatalog {
  const key = JSON.stringify(dirs);
  let catalog = catalogs.get(key);
  if (catalog === undefined) {
    catalog = new FontCatalog(dirs);
    catalogs.set(key, catalog);
  }
  return catalog;
}
