import { z } from 'zod';
import { StrikebotError } from '../core/errors.ts';
import type { DomainProfile } from '../core/profile.ts';
import profileJson from './profile.json' with { type: 'json' };
import { sidesProfileSchema } from './sides-schema.ts';

/** The shape of a domain profile file. */
const profileSchema = z.object({
  subject: z.string().min(1).optional(),
  exampleQuestion: z.string().min(1).optional(),
  abbreviations: z.record(z.string().min(1), z.string().min(1)).optional(),
  sides: sidesProfileSchema.optional(),
});

/**
 * Validates a parsed profile file; throws a `StrikebotError` naming the file and the field at fault.
 *
 * @example
 * parseProfile({ subject: 'the Rhine' }, 'rhine.json').subject // => 'the Rhine'
 */
export function parseProfile(value: unknown, file: string): DomainProfile {
  const result = profileSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new StrikebotError('CONFIG_INVALID', `${file}: ${problems.join('; ')}`);
}

/** strikebot's own domain: the Kaiser Permanente mental health strikes. */
export const strikebotProfile: DomainProfile = parseProfile(profileJson, 'src/domain/profile.json');
