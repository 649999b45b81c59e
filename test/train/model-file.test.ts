import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_FILE, serialiseModel } from '../../src/train/serialise-model.ts';
import { trainModel } from '../../src/train/train-model.ts';
import { loadTrainingInput } from '../../src/train/training-input.ts';

/** Numbers of two model files agree to this many decimals (the file keeps six). */
const DECIMALS = 4;

function compare(fresh: unknown, committed: unknown, path: string): void {
  if (typeof fresh === 'number') {
    expect(committed, path).toBeTypeOf('number');
    expect(fresh, path).toBeCloseTo(committed as number, DECIMALS);
    return;
  }
  if (Array.isArray(fresh)) {
    expect(Array.isArray(committed), path).toBe(true);
    expect((committed as unknown[]).length, path).toBe(fresh.length);
    fresh.forEach((x, i) => {
      compare(x, (committed as unknown[])[i], `${path}[${i}]`);
    });
    return;
  }
  if (fresh && typeof fresh === 'object') {
    expect(Object.keys(committed as object).sort(), path).toEqual(Object.keys(fresh).sort());
    for (const [key, value] of Object.entries(fresh)) {
      compare(value, (committed as Record<string, unknown>)[key], `${path}.${key}`);
    }
    return;
  }
  expect(committed, path).toEqual(fresh);
}

describe(MODEL_FILE, () => {
  it('is what npm run train writes from the training questions', async () => {
    const model = trainModel(await loadTrainingInput('knowledge'));
    const fresh = JSON.parse(serialiseModel(model));
    const committed = JSON.parse(readFileSync(MODEL_FILE, 'utf8'));
    compare(fresh, committed, 'model');
  });
});
