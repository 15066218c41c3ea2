/**
 * The closed vocabularies a legislation profile may use: the flags (named yes/no positions of a State), the
 * options the conventions let a State take per offence, and the channels a State may designate. Kept as data in
 * one file so that a provision recalled rather than read can be corrected in one place; the loader refuses
 * anything not listed here, so a typo cannot silently flip a State's position.
 */
import type { OffenceId } from '../../cases/index.ts';

/**
 * Every flag a profile must state (the loader requires all of them: a State's position is never a silent
 * default). The federation directory may carry further flags; they win over the profile where both speak.
 */
export const PROFILE_FLAGS = [
  /** The State reserved BC 29(4): it may refuse preservation where dual criminality cannot be fulfilled. */
  'preservation_requires_dual_criminality',
  /** The State extradites its own nationals (if not, aut dedere aut judicare: BC 24(6), UN 37 (?)). */
  'extradites_nationals',
  /** The State extradites for offences punishable by death only on an assurance it will not be imposed or carried out. */
  'requires_death_penalty_assurance',
  /** The State accepts requests authenticated by an electronic signature (otherwise a signed original must follow). */
  'accepts_electronic_signature',
  /** The State accepts requests drafted in English (must agree with `languages` containing `en`). */
  'accepts_requests_in_english',
] as const;
export type ProfileFlag = (typeof PROFILE_FLAGS)[number];

/**
 * Options a State may take when criminalising each catalogue conduct (BC 2–10, UN 7–17). An option narrows the
 * conduct the domestic offence covers, so the dual-criminality note tells the drafter the facts must show it.
 * Sources recalled from the texts: BC 2 (security, dishonest intent, connected system), BC 3, BC 4(2), BC 6(1)(b)
 * and 6(3), BC 7, BC 9(3)–(4), UN 14 (?), UN 15 (?), UN 16 (?).
 */
export const OFFENCE_OPTIONS: Readonly<Record<OffenceId, readonly string[]>> = {
  illegal_access: ['breach_of_security', 'dishonest_intent', 'connected_system'],
  illegal_interception: ['dishonest_intent', 'connected_system'],
  data_interference: ['serious_harm'],
  system_interference: [],
  misuse_of_devices: ['number_of_items', 'sale_or_distribution_only'],
  computer_forgery: ['intent_to_defraud'],
  computer_fraud: [],
  csam: ['age_limit_16', 'excludes_procuring', 'excludes_possession', 'real_child_only'],
  grooming: ['act_in_furtherance'],
  ncii: ['intent_to_cause_harm'],
  laundering: [],
  copyright: [],
};

/** Plain-English wording of each option, as it completes "the offence requires …". */
export const OPTION_LABELS: Readonly<Record<string, string>> = {
  breach_of_security: 'that security measures were infringed',
  dishonest_intent: 'a dishonest intent',
  connected_system: 'that the system was connected to another system',
  serious_harm: 'serious harm',
  number_of_items: 'possession of a number of items',
  sale_or_distribution_only: 'sale, distribution or making available (mere possession is not an offence)',
  intent_to_defraud: 'an intent to defraud',
  age_limit_16: 'a child under 16 (not 18)',
  excludes_procuring: 'more than procuring the material (procuring is not an offence)',
  excludes_possession: 'more than possessing the material (possession is not an offence)',
  real_child_only: 'material depicting a real child',
  act_in_furtherance: 'an act in furtherance of the meeting',
  intent_to_cause_harm: 'an intent to cause harm',
};

/** Channels through which a State accepts requests (designations). */
export const CHANNELS = ['comity', 'diplomatic', 'interpol', 'email', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];
