/**
 * The "sides" part of a domain profile: who takes part in the dispute a corpus is about, the names
 * the documents use for each party, and which publishers speak for one. The engine knows no
 * corpus; everything it needs to say whose claim a sentence is comes from this data (validated
 * by `src/domain/sides-schema.ts`, which fills in the defaults).
 */

/** Id of the document's own voice when the publisher is not a side (a news outlet). */
export const REPORTER = 'reporter';
/** Id used when the text names no speaker the profile can place. */
export const UNKNOWN = 'unknown';

/** What a profile that leaves them out gets: the kinds of document that speak in their own
 * voice, and the labels of a report's own voice and of a speaker on no known side. */
export const SIDES_DEFAULTS = {
  ownVoiceKinds: ['press-release', 'statement'],
  reporterLabel: 'Reporter',
  unknownLabel: 'Unattributed',
} as const;

/** One party to the dispute. */
export interface Side {
  /** Short stable id used in data and code paths (`union`, `employer`, `regulator`). */
  id: string;
  /** What users see before a quoted claim ("Union (ANA)"). */
  label: string;
  /**
   * Names and descriptions the documents use for the party as an organisation or group
   * ("National Nurses Guild", "the guild", "guild officials"). Matched as whole
   * words, case-insensitively, in a speaker's name or role.
   */
  organisations: string[];
  /**
   * Occupations and titles that place a person on this side whatever organisation their role
   * names ("nurse" puts "a Mercy Hospital nurse" with the union; "Senate" makes a lawmaker).
   * Tried before `organisations`.
   */
  roles: string[];
  /** Publishers whose documents speak for this side in their own voice. */
  publishers: string[];
}

/** A person the documents may quote without saying who they are. */
export interface ProfilePerson {
  /** Full name as the documents write it ("Jane Q. Doe"); the last word also matches alone. */
  name: string;
  /** Id of the person's side. */
  side: string;
  /** Their role, shown with their name. */
  role?: string;
}

/** The sides part of a domain profile, validated, defaults filled in. */
export interface SidesProfile {
  /** The parties, in the order their claims are shown side by side. */
  sides: Side[];
  /** Fallback for people whose role the text does not give. */
  people: ProfilePerson[];
  /**
   * Document kinds (the front matter `type`) in which the publisher speaks for itself, so a
   * publisher named among a side's `organisations` speaks for that side.
   */
  ownVoiceKinds: string[];
  /** Label of the document's own voice when it is a news report. */
  reporterLabel: string;
  /** Label for claims nobody can be named for. */
  unknownLabel: string;
  /**
   * Ids of the sides whose claims are set against each other when a question is in dispute
   * (`["union", "employer"]`); third parties such as a regulator are quoted but not set against
   * anyone. Default: every side.
   */
  disputants?: string[];
}

/**
 * The label users see for a side id: the side's own label, the reporter or unknown label.
 *
 * @example
 * labelSide(profile, 'union') // => 'Union (ANA)'
 */
export function labelSide(profile: SidesProfile, side: string): string {
  if (side === REPORTER) return profile.reporterLabel;
  return profile.sides.find((s) => s.id === side)?.label ?? profile.unknownLabel;
}
