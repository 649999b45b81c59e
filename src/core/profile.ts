import { z } from 'zod';
import { sidesProfileSchema } from './answer/sides-profile.ts';

/**
 * The domain profile: everything the engine knows about one corpus's subject, as data handed to
 * it (the engine itself names no party, place or person). This holds the sides of the dispute;
 * other parts (vocabulary, wording) join it as sections of the same object.
 */
export const domainProfileSchema = z.object({
  /** The parties to the dispute and the names the documents give them. */
  sides: sidesProfileSchema,
});

/** A validated domain profile. */
export type DomainProfile = z.infer<typeof domainProfileSchema>;
