import { z } from 'zod';
import { StrikebotError } from '../core/errors.ts';
import type { RankingModel } from '../core/rank/model.ts';
import modelJson from './ranker.json' with { type: 'json' };

const linear = z.object({
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
});

/** The shape of `src/model/ranker.json`. */
const modelSchema = z.object({
  ranker: linear,
  answer: linear.extend({ threshold: z.number() }),
  closest: linear.extend({ threshold: z.number() }),
  followUp: linear,
  associations: z.record(z.string(), z.array(z.string())),
  questionWords: z.record(z.string(), z.number().min(0).max(1)).optional(),
});

/**
 * Validates a parsed model file; throws a `StrikebotError` naming the file and the field at fault.
 */
function parseModel(value: unknown, file: string): RankingModel {
  const result = modelSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new StrikebotError('CONFIG_INVALID', `${file}: ${problems.join('; ')} (run npm run train)`);
}

/** The model `npm run train` fitted on the training questions. */
export const trainedModel: RankingModel = parseModel(modelJson, 'src/model/ranker.json');
