/**
 * The offence catalogue of DOMAIN §1: the conducts every State maps its law onto. Kept as data in one table so
 * that article numbers recalled rather than read (marked `uncertain`, "(?)" in DOMAIN.md) can be corrected in one
 * place. Cases store only the `id`; the catalogue is served at `GET /api/v1/offences`.
 */

export const OFFENCE_IDS = [
  'illegal_access',
  'illegal_interception',
  'data_interference',
  'system_interference',
  'misuse_of_devices',
  'computer_forgery',
  'computer_fraud',
  'csam',
  'grooming',
  'ncii',
  'laundering',
  'copyright',
] as const;
export type OffenceId = (typeof OFFENCE_IDS)[number];

export interface Offence {
  readonly id: OffenceId;
  /** Article of the UN Convention against Cybercrime, or null when the UN text has no such offence. */
  readonly unArticle: number | null;
  /** Article of the Budapest Convention (ETS 185), or null when it has no such offence. */
  readonly bcArticle: number | null;
  readonly title: string;
  /** The conduct, intentional and without right. */
  readonly description: string;
  /** True when an article number was recalled, not read from the text ("(?)" in DOMAIN §1). */
  readonly uncertain: boolean;
}

const entry = (o: Offence): Offence => Object.freeze(o);

export const OFFENCES: readonly Offence[] = Object.freeze([
  entry({
    id: 'illegal_access',
    unArticle: 7,
    bcArticle: 2,
    title: 'Illegal access',
    description:
      'Access to the whole or any part of an information and communications technology system (options: breach of security, dishonest intent, connected system).',
    uncertain: false,
  }),
  entry({
    id: 'illegal_interception',
    unArticle: 8,
    bcArticle: 3,
    title: 'Illegal interception',
    description: 'Interception, by technical means, of non-public transmissions of data.',
    uncertain: false,
  }),
  entry({
    id: 'data_interference',
    unArticle: 9,
    bcArticle: 4,
    title: 'Data interference',
    description: 'Damaging, deleting, deteriorating, altering or suppressing data (option: serious harm).',
    uncertain: false,
  }),
  entry({
    id: 'system_interference',
    unArticle: 10,
    bcArticle: 5,
    title: 'System interference',
    description: 'Seriously hindering the functioning of an information and communications technology system.',
    uncertain: false,
  }),
  entry({
    id: 'misuse_of_devices',
    unArticle: 11,
    bcArticle: 6,
    title: 'Misuse of devices',
    description: 'Producing, selling, procuring, possessing or otherwise making available tools or credentials to commit the offences above.',
    uncertain: false,
  }),
  entry({
    id: 'computer_forgery',
    unArticle: 12,
    bcArticle: 7,
    title: 'Computer-related forgery',
    description: 'Creating inauthentic data with the intent that it be considered or acted upon for legal purposes as if authentic.',
    uncertain: false,
  }),
  entry({
    id: 'computer_fraud',
    unArticle: 13,
    bcArticle: 8,
    title: 'Computer-related fraud',
    description: 'Causing a loss of property through input, alteration or interference with data or systems, or (UN) deception, for gain.',
    uncertain: false,
  }),
  entry({
    id: 'csam',
    unArticle: 14,
    bcArticle: 9,
    title: 'Child sexual abuse material',
    description:
      'Producing, distributing, accessing, possessing or financing child sexual abuse material (a child is under 18; the Budapest Convention allows a limit of 16).',
    uncertain: false,
  }),
  entry({
    id: 'grooming',
    unArticle: 15,
    bcArticle: null,
    title: 'Solicitation or grooming of a child',
    description: 'Soliciting or arranging to meet a child through ICT for the purpose of committing a sexual offence.',
    uncertain: false,
  }),
  entry({
    id: 'ncii',
    unArticle: 16,
    bcArticle: null,
    title: 'Non-consensual dissemination of intimate images',
    description: 'Disseminating intimate images of a person aged 18 or over without their consent.',
    uncertain: true,
  }),
  entry({
    id: 'laundering',
    unArticle: 17,
    bcArticle: null,
    title: 'Laundering of proceeds of crime',
    description: 'Laundering the proceeds of the offences above.',
    uncertain: true,
  }),
  entry({
    id: 'copyright',
    unArticle: null,
    bcArticle: 10,
    title: 'Infringement of copyright and related rights',
    description: 'Wilful infringement of copyright and related rights on a commercial scale (Budapest Convention only).',
    uncertain: false,
  }),
]);

const BY_ID: ReadonlyMap<string, Offence> = new Map(OFFENCES.map((o) => [o.id, o]));

/** True when `id` names an entry of the catalogue. */
export function isOffenceId(id: string): id is OffenceId {
  return BY_ID.has(id);
}

/** The catalogue entry for `id`, or undefined. */
export function offenceById(id: string): Offence | undefined {
  return BY_ID.get(id);
}
