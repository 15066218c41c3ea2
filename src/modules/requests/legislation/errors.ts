import { AppError } from '../../../platform/errors.ts';

/** One thing wrong with a profile: where (a JSON Pointer, RFC 6901; `''` is the whole document) and what. */
export interface ProfileProblem {
  readonly pointer: string;
  readonly detail: string;
}

/**
 * A legislation profile that cannot be trusted. A profile decides whether a drafter is warned about dual
 * criminality or a language, so a bad one is refused whole, never half-loaded; the error names the file and every
 * offending JSON Pointer so whoever maintains the profile can fix them in one pass.
 */
export class ProfileError extends AppError {
  /** The file (or other source) the profile came from. */
  readonly source: string;
  readonly problems: readonly ProfileProblem[];

  constructor(source: string, problems: readonly ProfileProblem[]) {
    const first = problems[0] ?? { pointer: '', detail: 'invalid profile' };
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super('validation_failed', `legislation profile ${source}: ${first.pointer === '' ? '(document)' : first.pointer}: ${first.detail}${more}`, {
      errors: problems.map((p) => ({ in: 'body', pointer: p.pointer, detail: p.detail })),
    });
    this.name = 'ProfileError';
    this.source = source;
    this.problems = problems;
  }
}

/** Appends a member to a JSON Pointer, escaping `~` and `/` (RFC 6901 §3). */
export function pointerTo(base: string, member: string | number): string {
  return `${base}/${String(member).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
