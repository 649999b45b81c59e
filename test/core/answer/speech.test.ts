import { describe, expect, it } from 'vitest';
import { findSpeechActs } from '../../../src/core/answer/speech.ts';

describe('findSpeechActs', () => {
  it('finds a speech verb with the text on each side', () => {
    expect(findSpeechActs('The guild says wards are short.')).toEqual([
      { verb: 'says', before: 'The guild ', after: ' wards are short.', side: 'either' },
    ]);
  });

  it('reads "according to" as naming the speaker after it', () => {
    expect(findSpeechActs('Wards are short, according to the guild.')).toEqual([
      { verb: 'according to', before: 'Wards are short, ', after: ' the guild.', side: 'after' },
    ]);
  });

  it('reads positions with what is asked for ("is asking for", "calls on")', () => {
    expect(
      findSpeechActs('The guild is asking for breaks and calls on the board to act.').map(
        (a) => a.verb,
      ),
    ).toEqual(['asking for', 'calls on']);
  });

  it('skips infinitives and nouns ("to demand", "its demands", "the claims")', () => {
    expect(
      findSpeechActs('Nurses struck to demand breaks; its demands and the claims grew.'),
    ).toEqual([]);
  });

  it('reads a passive only with its agent', () => {
    expect(findSpeechActs('This was stated in a letter.')).toEqual([]);
    expect(findSpeechActs('It was stated by the board.')).toEqual([
      { verb: 'stated', before: 'It was ', after: 'the board.', side: 'after' },
    ]);
  });

  it('does not read "calls" without "for", "on" or "upon" as a position', () => {
    expect(findSpeechActs('The guild calls it a crisis.')).toEqual([]);
  });

  it('reads another verb of communication before "that" only when told it is one', () => {
    const communication = (word: string) => word === 'detailed' || word === 'said';
    expect(findSpeechActs('The letter from the board detailed that wards closed.')).toEqual([]);
    expect(
      findSpeechActs('The letter from the board detailed that wards closed.', communication),
    ).toEqual([
      {
        verb: 'detailed',
        before: 'The letter from the board ',
        after: ' that wards closed.',
        side: 'before',
        lexical: true,
      },
    ]);
    // A listed verb stays listed; a noun or an infinitive before "that" is no act.
    expect(findSpeechActs('The guild said that talks stalled.', communication)).toEqual([
      { verb: 'said', before: 'The guild ', after: ' that talks stalled.', side: 'either' },
    ]);
    expect(findSpeechActs('It was detailed that wards closed.', communication)).toEqual([]);
    expect(findSpeechActs('They want to detail that plan.', () => true)).toEqual([
      { verb: 'want', before: 'They ', after: ' to detail that plan.', side: 'either' },
    ]);
  });

  it('reads "added" and "continued" as speech only before words, not an object or an infinitive', () => {
    const verbs = (frame: string) => findSpeechActs(frame).map((act) => act.verb);
    expect(verbs('Since 1900 the river has added two tributaries.')).toEqual([]);
    expect(verbs('As prices continued to rise, the ferry raised its fares.')).toEqual([]);
    expect(verbs('\uE000, she added.')).toEqual(['added']);
    expect(verbs('The guild added that talks had stalled.')).toEqual(['added']);
    expect(verbs('They add the hospital failed to hire nurses.')).toEqual(['add']);
    expect(verbs('The board continued: \uE000')).toEqual(['continued']);
  });

  it('reads a plural noun before "of" as no verb ("the states of the union")', () => {
    expect(findSpeechActs('Its shores lie in the German states of Bavaria and Hesse.')).toEqual([]);
    expect(findSpeechActs('The claims of the guild were heard.')).toEqual([]);
  });

  it('reads "what X calls Y" as X’s naming of Y, with X after the verb', () => {
    const acts = findSpeechActs('The deal ends what the guild calls the longest strike.');
    expect(acts.map((a) => [a.verb, a.after, a.side])).toEqual([['calls', ' the guild', 'after']]);
    expect(
      findSpeechActs('Talks ended in what Bayview has described as a stalemate.').map(
        (a) => a.after,
      ),
    ).toEqual([' Bayview']);
    expect(findSpeechActs('Nobody knows what the river is called.')).toEqual([]);
  });

  it('reads blame as its subject’s charge, but not a headline’s passive ("X criticized for")', () => {
    expect(findSpeechActs('The guild accused Bayview of stalling.')).toEqual([
      { verb: 'accused', before: 'The guild ', after: ' Bayview of stalling.', side: 'before' },
    ]);
    expect(findSpeechActs('Bayview criticized for closing wards')).toEqual([]);
    expect(findSpeechActs('Bayview was blamed for the delay.')).toEqual([]);
    expect(findSpeechActs('Nobody took the blame.')).toEqual([]);
  });
});
