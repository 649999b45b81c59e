import { z } from 'zod';

/**
 * The "sides" part of a domain profile: who takes part in the dispute a corpus is about, the names
 * the documents use for each party, and which publishers speak for one. The engine knows no
 * corpus; everything it needs to say whose claim a sentence is comes from this data.
 */

/** Id of the document's own voice when the publisher is not a side (a news outlet). */
export const REPORTER = 'reporter';
/** Id used when the text names no speaker the profile can place. */
export const UNKNOWN = 'unknown';

const phrase = z.string().trim().min(1, 'must be a non-empty string');

/** One party to the dispute. */
export const sideSchema = z.strictObject({
  /** Short stable id used in data and code paths (`union`, `employer`, `regulator`). */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
    .refine((id) => id !== REPORTER && id !== UNKNOWN, {
      error: `"${REPORTER}" and "${UNKNOWN}" are reserved`,
    }),
  /** What users see before a quoted claim ("Union (ANA)"). */
  label: phrase,
  /**
   * Names and descriptions the documents use for the party as an organisation or group
   * ("National Union of Healthcare Workers", "the union", "union officials"). Matched as whole
   * words, case-insensitively, in a speaker's name or role.
   */
  organisations: z.array(phrase).min(1, 'must name the party at least once'),
  /**
   * Occupations and titles that place a person on this side whatever organisation their role
   * names ("nurse" puts "a Mercy Hospital nurse" with the union; "Senate" makes a lawmaker).
   * Tried before `organisations`.
   */
  roles: z.array(phrase).default([]),
  /** Publishers whose documents speak for this side in their own voice. */
  publishers: z.array(phrase).default([]),
});

/** A person the documents may quote without saying who they are. */
export const personSchema = z.strictObject({
  /** Full name as the documents write it ("Jane Q. Doe"); the last word also matches alone. */
  name: phrase,
  /** Id of the person's side. */
  side: phrase,
  /** Their role, shown with their name. */
  role: phrase.optional(),
});

/** The sides part of a domain profile. */
export const sidesProfileSchema = z
  .strictObject({
    /** Free text for the people who edit the data; ignored. */
    $comment: z.string().optional(),
    sides: z.array(sideSchema).min(1, 'must list at least one side'),
    /** Fallback for people whose role the text does not give. */
    people: z.array(personSchema).default([]),
    /**
     * Document kinds (the front matter `type`) in which the publisher speaks for itself, so a
     * publisher named among a side's `organisations` speaks for that side.
     */
    ownVoiceKinds: z.array(phrase).default(['press-release', 'statement']),
    /** Label of the document's own voice when it is a news report. */
    reporterLabel: phrase.default('Reporter'),
    /** Label for claims nobody can be named for. */
    unknownLabel: phrase.default('Unattributed'),
  })
  .superRefine((profile, ctx) => {
    const ids = new Set<string>();
    for (const [i, side] of profile.sides.entries()) {
      if (ids.has(side.id)) {
        ctx.addIssue({ code: 'custom', path: ['sides', i, 'id'], message: 'is used twice' });
      }
      ids.add(side.id);
    }
    for (const [i, person] of profile.people.entries()) {
      if (!ids.has(person.side)) {
        ctx.addIssue({
          code: 'custom',
          path: ['people', i, 'side'],
          message: `must be one of the side ids (${[...ids].join(', ')})`,
        });
      }
    }
  });

/** One party to the dispute, validated. */
export type Side = z.infer<typeof sideSchema>;
/** A person entry of the profile, validated. */
export type ProfilePerson = z.infer<typeof personSchema>;
/** The sides part of a domain profile, validated, defaults filled in. */
export type SidesProfile = z.infer<typeof sidesProfileSchema>;

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
