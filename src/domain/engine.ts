import { createEngine, type Engine, type EngineOptions } from '../core/engine.ts';
import type { SourceDocument } from '../core/types.ts';
import { trainedModel } from '../model/load-model.ts';
import { strikebotProfile } from './profile.ts';

/** strikebot's engine options: its domain profile and the trained model. */
export const strikebotEngineOptions: Pick<EngineOptions, 'model' | 'profile'> = {
  model: trainedModel,
  profile: strikebotProfile,
};

/**
 * An engine over `documents` with strikebot's profile and trained model (other options may be
 * given, e.g. a snapshot or a question length limit).
 *
 * @example
 * const engine = createStrikebotEngine(await loadKnowledge('knowledge'));
 */
export function createStrikebotEngine(
  documents: readonly SourceDocument[],
  options: Partial<EngineOptions> = {},
): Engine {
  return createEngine(documents, { ...strikebotEngineOptions, ...options });
}
