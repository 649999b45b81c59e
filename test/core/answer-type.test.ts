import { describe, expect, it } from 'vitest';
import { answerTypeScore, detectAnswerType } from '../../src/core/question/answer-type.ts';

describe('detectAnswerType', () => {
  it.each([
    ['how many workers went on strike?', 'number'],
    ['how much money did kaiser invest?', 'money'],
    ['how long did the strike last?', 'duration'],
    ['when did the contract expire?', 'date'],
    ['what hours are the picket lines?', 'time'],
    ['where are the picket lines?', 'place'],
    ['who leads the union?', 'person'],
    ['which state lawmakers urged talks?', 'person'],
    ['why did the union call off the strike?', 'reason'],
    ['is there a picket line in san diego?', 'yesno'],
    ['which kinds of clinicians are on strike?', 'kinds'],
    ['what kind of organization is kaiser permanente?', 'definition'],
    ['what phone number can members call?', 'phone'],
    ['tell me about the strike', 'other'],
  ])('reads "%s" as %s', (question, type) => {
    expect(detectAnswerType(question)).toBe(type);
  });
});

describe('answerTypeScore', () => {
  it('finds times, places, people and phone numbers', () => {
    expect(answerTypeScore('time', 'They picket from 6 a.m. to 2 p.m. Thursday.')).toBe(1);
    expect(answerTypeScore('place', 'Fontana Medical Center, 9961 Sierra Ave., Fontana')).toBe(1);
    expect(answerTypeScore('person', 'Sal Rosselli, president of the union, said so.')).toBe(1);
    expect(answerTypeScore('phone', 'Call the Help Center at 1-888-466-2219.')).toBe(1);
  });

  it('scores sentences without the expected type as 0', () => {
    expect(answerTypeScore('number', 'The union wants more staff.')).toBe(0);
    expect(answerTypeScore('time', 'Kaiser offered no new proposals.')).toBe(0);
    expect(
      answerTypeScore(
        'person',
        'Last year, the California Department of Managed Health Care fined Kaiser.',
      ),
    ).toBe(0);
  });

  it('stays fast on long hostile input', () => {
    const hostile = `${'Aa '.repeat(20_000)}${'1 '.repeat(20_000)}`;
    const started = performance.now();
    for (const type of [
      'number',
      'money',
      'duration',
      'date',
      'time',
      'place',
      'person',
      'reason',
      'phone',
    ] as const) {
      answerTypeScore(type, hostile);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
