import { describe, expect, it } from 'vitest';
import { detectTemporalIntent } from '../../../src/core/answer/temporal-intent.ts';

describe('detectTemporalIntent', () => {
  it.each([
    'are the nurses still on strike?',
    'whats the latest on the talks',
    'Is it over?',
    'is the lockout over yet',
    'has the walkout ended?',
    'are pickets out right now',
    'what is happening at the hospital now',
    'Currently, how many beds are closed?',
  ])('reads "%s" as about the present', (question) => {
    expect(detectTemporalIntent(question)).toBe('present');
  });

  it.each([
    'how long did the walkout last?',
    'when did the first strike start',
    'what did the nurses win in 2019?',
    'who leads the guild',
    '',
  ])('reads "%s" as setting no time', (question) => {
    expect(detectTemporalIntent(question)).toBe('none');
  });
});
