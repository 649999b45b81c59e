import { describe, expect, it } from 'vitest';
import { askedOf, detectAnswerType as detect } from '../../../src/core/question/answer-type.ts';
import { englishThesaurus } from '../../../src/resources/thesaurus.ts';

const detectAnswerType = (q: string) => detect(q, englishThesaurus);
const typeOf = (q: string) => detectAnswerType(q).type;

describe('detectAnswerType', () => {
  it('reads the wh-word', () => {
    expect(typeOf('when does the ferry leave?')).toBe('date');
    expect(typeOf('where is the bakery?')).toBe('place');
    expect(typeOf('who painted the mural?')).toBe('person');
    expect(typeOf('why did the bridge close?')).toBe('reason');
    expect(typeOf('how many goats live on the farm?')).toBe('number');
    expect(typeOf('how long is the tunnel?')).toBe('duration');
    expect(typeOf('what time does the market open?')).toBe('time');
    // An hour asked for is a clock time, whichever way it is put.
    expect(detectAnswerType('at what hour does the ferry leave?')).toEqual({
      type: 'time',
      typeNoun: 'hour',
    });
    expect(detectAnswerType('which hours is the pool open?')).toEqual({
      type: 'time',
      typeNoun: 'hours',
    });
  });

  it('takes the kind of answer from the noun after "what" or "which", by its WordNet category', () => {
    expect(detectAnswerType('which senators voted against it?')).toEqual({
      type: 'person',
      typeNoun: 'senators',
    });
    expect(detectAnswerType('what city hosts the fair?')).toEqual({
      type: 'place',
      typeNoun: 'city',
    });
    expect(detectAnswerType('in what year was the mill built?')).toEqual({
      type: 'date',
      typeNoun: 'year',
    });
    expect(detectAnswerType('which company built the dam?')).toEqual({
      type: 'organization',
      typeNoun: 'company',
    });
    expect(typeOf('what salary does a ranger earn?')).toBe('money');
  });

  it('after an auxiliary reads the next noun as the subject, not the kind of answer', () => {
    // "kaiser" is a person in WordNet, "does" a deer, "was" a US state: none is asked for.
    expect(detectAnswerType('what did the kaiser offer the miners?')).toEqual({ type: 'other' });
    expect(detectAnswerType('what does the guild want done about pensions?')).toEqual({
      type: 'other',
    });
    expect(detectAnswerType('what was removed from the list?')).toEqual({ type: 'other' });
    // Nor is the last word of a short wh-question a fragment's answer noun.
    expect(detectAnswerType('what is the capital of spain?')).toEqual({ type: 'other' });
    expect(detectAnswerType('which town was flooded?')).toEqual({
      type: 'place',
      typeNoun: 'town',
    });
  });

  it('asks for money when "how much" goes with paying or costing', () => {
    expect(typeOf('how much did the town pay for the statue?')).toBe('money');
    expect(typeOf('how much flour goes in the bread?')).toBe('number');
  });

  it('reads yes/no questions, quotations and fragments', () => {
    expect(typeOf('did the ferry run on sunday?')).toBe('yesno');
    expect(typeOf('what did the mayor say about the flood?')).toBe('quote');
    expect(detectAnswerType('festival opening date?')).toEqual({ type: 'date', typeNoun: 'date' });
    expect(typeOf('tell me about the flood')).toBe('other');
  });

  it('reads question words alone without a thesaurus', () => {
    expect(detect('which senators voted against it?')).toEqual({ type: 'other' });
    expect(detect('who painted the mural?')).toEqual({ type: 'person' });
  });

  it('ignores a relative "when" or "whose" inside a statement-like question', () => {
    expect(typeOf('describe the day when the river froze')).toBe('other');
  });

  it('reads "what does X mean / stand for" as a definition named by its verb', () => {
    expect(detectAnswerType('what does the SHB stand for?')).toEqual({
      type: 'definition',
      typeNoun: 'stand',
    });
    expect(detectAnswerType('what does shb mean')).toEqual({
      type: 'definition',
      typeNoun: 'mean',
    });
  });

  it('reads a question word at the end, as chat puts it', () => {
    expect(typeOf('the ferry leaves when?')).toBe('date');
    expect(typeOf('market stalls where')).toBe('place');
    expect(typeOf('they closed the bridge why??')).toBe('reason');
  });
});

describe('askedOf', () => {
  it('tells an account (why, yes or no) from an amount, a date and any other fact', () => {
    const types = [
      'reason',
      'yesno',
      'other',
      'number',
      'money',
      'duration',
      'date',
      'time',
      'person',
      'place',
      'definition',
    ] as const;
    expect(types.map(askedOf)).toEqual([
      'account',
      'account',
      'account',
      'amount',
      'amount',
      'amount',
      'date',
      'fact',
      'fact',
      'fact',
      'fact',
    ]);
  });
});
