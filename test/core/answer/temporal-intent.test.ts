import { describe, expect, it } from 'vitest';
import {
  detectTemporalIntent,
  withoutTimeWords,
} from '../../../src/core/answer/temporal-intent.ts';

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
    'are the ferry crews sailing',
    'Are they picketing in Fresno?',
  ])('reads "%s" as about the present', (question) => {
    expect(detectTemporalIntent(question)).toBe('present');
  });

  it.each([
    'how long did the walkout last?',
    'when did the first strike start',
    'what did the nurses win in 2019?',
    'who leads the guild',
    'what are the nurses demanding',
    'are the striking nurses paid enough?',
    '',
  ])('reads "%s" as setting no time', (question) => {
    expect(detectTemporalIntent(question)).toBe('none');
  });
});

describe('withoutTimeWords', () => {
  it.each([
    ['are the nurses still on strike?', 'are the nurses on strike?'],
    ['Is the lockout over yet?', 'Is the lockout over?'],
    ['whats the latest on the talks right now', 'whats the on the talks'],
    ['Currently, how many beds are closed?', 'how many beds are closed?'],
  ])('reads "%s" as "%s"', (question, stripped) => {
    expect(withoutTimeWords(question)).toBe(stripped);
  });

  it('leaves a question that is only time words as it is', () => {
    expect(withoutTimeWords('still now?')).toBe('still now?');
  });
});
