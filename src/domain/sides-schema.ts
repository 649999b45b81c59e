import { z } from 'zod';
import {
  REPORTER,
  SIDES_DEFAULTS,
  type SidesProfile,
  UNKNOWN,
} from '../core/answer/sides-profile.ts';

/**
 * The shape of the `sides` section of a domain profile file (what each field means is documented
 * on the types in `src/core/answer/sides-profile.ts`). Parsing fills in the defaults.
 */

const phrase = z.string().trim().min(1, 'must be a non-empty string');

/** One party to the dispute. */
const sideSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
    .refine((id) => id !== REPORTER && id !== UNKNOWN, {
      error: `"${REPORTER}" and "${UNKNOWN}" are reserved`,
    }),
  label: phrase,
  organisations: z.array(phrase).min(1, 'must name the party at least once'),
  roles: z.array(phrase).default([]),
  publishers: z.array(phrase).default([]),
});

/** A person the documents may quote without saying who they are. */
const personSchema = z.strictObject({
  name: phrase,
  side: phrase,
  role: phrase.optional(),
});

/** The `sides` section of a profile file; parses to a {@link SidesProfile}. */
export const sidesProfileSchema: z.ZodType<SidesProfile, unknown> = z
  .strictObject({
    /** Free text for the people who edit the data; ignored. */
    $comment: z.string().optional(),
    sides: z.array(sideSchema).min(1, 'must list at least one side'),
    people: z.array(personSchema).default([]),
    ownVoiceKinds: z.array(phrase).default([...SIDES_DEFAULTS.ownVoiceKinds]),
    reporterLabel: phrase.default(SIDES_DEFAULTS.reporterLabel),
    unknownLabel: phrase.default(SIDES_DEFAULTS.unknownLabel),
    disputants: z.array(phrase).min(2, 'must name at least two sides').optional(),
  })
  .superRefine((profile, ctx) => {
    const ids = new Set<string>();
    for (const [i, side] of profile.sides.entries()) {
      if (ids.has(side.id)) {
        ctx.addIssue({ code: 'custom', path: ['sides', i, 'id'], message: 'is used twice' });
      }
      ids.add(side.id);
    }
    for (const [i, id] of (profile.disputants ?? []).entries()) {
      if (!ids.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['disputants', i],
          message: `must be one of the side ids (${[...ids].join(', ')})`,
        });
      }
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
  })
  .transform(({ $comment: _comment, ...profile }) => profile);
