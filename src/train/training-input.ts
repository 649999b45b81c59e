import { readFile } from 'node:fs/promises';
import { indexDocuments } from '../core/index/build-index.ts';
import { encodeSnapshot } from '../core/index/index-snapshot.ts';
import { strikebotProfile } from '../domain/profile.ts';
import { parseQuestionSet } from '../eval/score.ts';
import { loadKnowledge } from '../knowledge/index.ts';
import { englishThesaurus } from '../resources/thesaurus.ts';
import { splitSet } from './dataset.ts';
import type { TrainingInput } from './train-model.ts';

/** The training questions and conversations `npm run train` reads by default. */
export const TRAINING_FILES = ['test/eval/train.jsonl', 'test/eval/train-conversations.jsonl'];

/**
 * Everything training reads: the knowledge folder's documents and index, strikebot's domain
 * profile, and the training question sets.
 *
 * @example
 * const input = await loadTrainingInput('knowledge', TRAINING_FILES);
 */
export async function loadTrainingInput(
  knowledgeDir: string,
  files: readonly string[] = TRAINING_FILES,
): Promise<TrainingInput> {
  const items = [];
  for (const file of files) items.push(...parseQuestionSet(await readFile(file, 'utf8'), file));
  const documents = await loadKnowledge(knowledgeDir);
  const snapshot = encodeSnapshot(documents, indexDocuments(documents));
  return {
    documents,
    snapshot,
    profile: strikebotProfile,
    thesaurus: englishThesaurus,
    data: splitSet(items),
  };
}
