import { createEngine, type Engine, type EngineOptions } from '../core/engine.ts';
import type { SourceDocument } from '../core/types.ts';
import { trainedModel } from '../model/load-model.ts';
import { englishThesaurus } from '../resources/thesaurus.ts';
import { strikebotProfile } from './profile.ts';

/** strikebot's engine options: its domain profile, the trained model and English WordNet. */
const strikebotEngineOptions: Pick<EngineOptions, 'model' | 'profile' | 'thesaurus'> = {
  model: trainedModel,
  profile: strikebotProfile,
  thesaurus: englishThesaurus,
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
