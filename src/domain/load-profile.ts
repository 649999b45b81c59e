import { type SidesProfile, sidesProfileSchema } from '../core/answer/sides-profile.ts';
import { StrikebotError } from '../core/errors.ts';
import type { DomainProfile } from '../core/profile.ts';
import sides from './sides.json' with { type: 'json' };

/** Where the bundled sides data lives, for error messages. */
const SIDES_FILE = 'src/domain/sides.json';

/**
 * Validates the sides of a dispute, naming the file and the field at fault when they are wrong,
 * e.g. `sides.json: sides.1.label: must be a non-empty string`.
 *
 * @example
 * parseSidesProfile({ sides: [{ id: 'union', label: 'Union', organisations: ['the union'] }] }, 'sides.json');
 * @throws StrikebotError PROFILE_INVALID when a field is missing or malformed.
 */
export function parseSidesProfile(data: unknown, source: string): SidesProfile {
  const result = sidesProfileSchema.safeParse(data);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const path = (issue?.path ?? []).join('.');
  throw new StrikebotError(
    'PROFILE_INVALID',
    `${source}: ${path === '' ? '' : `${path}: `}${issue?.message ?? 'is invalid'}`,
  );
}

/**
 * The profile of the dispute strikebot ships with (the Kaiser Permanente mental health strikes).
 *
 * @example
 * const profile = loadDomainProfile();
 * attributeChunks(chunks, document, profile.sides);
 * @throws StrikebotError PROFILE_INVALID when the bundled data was edited into an invalid shape.
 */
export function loadDomainProfile(): DomainProfile {
  return { sides: parseSidesProfile(sides, SIDES_FILE) };
}
