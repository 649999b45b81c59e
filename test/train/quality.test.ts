import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import { type EvalReport, evaluate, parseQuestionSet } from '../../src/eval/score.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';
import { trainedModel } from '../../src/model/load-model.ts';
import { englishThesaurus } from '../../src/resources/thesaurus.ts';
import { crossValidate } from '../../src/train/cross-validate.ts';
import { loadTrainingInput } from '../../src/train/training-input.ts';

/**
 * Answer quality at floors just under the figures measured when the model was last trained (see
 * the README's "Answer quality"). The cross-validated figures fit on four fifths of the training
 * questions and score the fifth; the other sets were never used for fitting: SQuAD 2.0's Rhine
 * article, and strike articles the engine has never seen, with questions written before it ran.
 */

/** Scores a question set over a folder, with strikebot's domain profile or none (`neutral`; English WordNet either way). */
async function evaluateSet(knowledge: string, file: string, neutral = false): Promise<EvalReport> {
  const documents = await loadKnowledge(knowledge);
  const engine = neutral
    ? createEngine(documents, { model: trainedModel, thesaurus: englishThesaurus })
    : createStrikebotEngine(documents);
  return evaluate(engine, parseQuestionSet(readFileSync(file, 'utf8'), file));
}

describe('answer quality', () => {
  it('5-fold cross-validation on the training questions', { timeout: 600_000 }, async () => {
    const { report } = crossValidate(await loadTrainingInput('knowledge'), 5);
    expect(report.top1).toBeGreaterThanOrEqual(FLOORS.cv.top1);
    expect(report.hit3).toBeGreaterThanOrEqual(FLOORS.cv.hit3);
    expect(report.abstain).toBeGreaterThanOrEqual(FLOORS.cv.abstain);
    expect(report.confidentPrecision).toBeGreaterThanOrEqual(FLOORS.cv.confidentPrecision);
  });

  it('SQuAD 2.0, the Rhine article (never fitted)', async () => {
    const report = await evaluateSet(
      'test/eval/squad2-rhine/docs',
      'test/eval/squad2-rhine/questions.jsonl',
      true,
    );
    expect(report.top1).toBeGreaterThanOrEqual(FLOORS.rhine.top1);
    expect(report.hit3).toBeGreaterThanOrEqual(FLOORS.rhine.hit3);
    expect(report.abstain).toBeGreaterThanOrEqual(FLOORS.rhine.abstain);
  });

  it('strike articles the engine has never seen (never fitted)', async () => {
    const report = await evaluateSet(
      'test/eval/unseen/knowledge',
      'test/eval/unseen/questions.jsonl',
    );
    expect(report.top1).toBeGreaterThanOrEqual(FLOORS.unseen.top1);
    expect(report.hit3).toBeGreaterThanOrEqual(FLOORS.unseen.hit3);
    expect(report.abstain).toBeGreaterThanOrEqual(FLOORS.unseen.abstain);
  });
});

/**
 * Floors: the figures measured when the model was last trained, rounded down by about two points
 * (cross-validated: top@1 0.603, hit@3 0.718, abstain 0.964, confident precision 0.878; Rhine:
 * top@1 0.728, hit@3 0.828, abstain 0.812; unseen articles: top@1 0.612, hit@3 0.711, abstain 0.933).
 */
const FLOORS = {
  cv: { top1: 0.58, hit3: 0.7, abstain: 0.92, confidentPrecision: 0.84 },
  rhine: { top1: 0.71, hit3: 0.81, abstain: 0.78 },
  unseen: { top1: 0.59, hit3: 0.69, abstain: 0.91 },
};
