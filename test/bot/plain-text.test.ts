import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripTerminalControls, toPlainWords } from '../../src/bot/plain-text.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import { documents } from '../adapters/slack/fixtures.ts';

describe('toPlainWords', () => {
  it.each([
    ['<@U024BE7LH> when did the contract expire?', 'when did the contract expire?'],
    ['<@!123456789012345678> when did the contract expire?', 'when did the contract expire?'],
    ['when did the contract expire? <!channel> <!here|here>', 'when did the contract expire?'],
    [
      'see <#C024BE7LR|strike-news> for the <https://example.org/a|contract> dates',
      'see strike-news for the contract dates',
    ],
    ['**when** did the _contract_ ~~expire~~?', 'when did the contract expire?'],
    ['when did the [contract](https://example.org/c) expire?', 'when did the contract expire?'],
    ['`when` did the ||contract|| expire? https://example.org/x', 'when did the contract expire?'],
    ['> when did the contract expire?', 'when did the contract expire?'],
    [
      'when did the contract expire? &amp; why &lt;now&gt;',
      'when did the contract expire? & why <now>',
    ],
    [
      'when did the contract <:party:123456> expire <t:1700000000:R>?',
      'when did the contract party expire ?',
    ],
    ['@everyone @here when did the contract expire? @U024BE7LH', 'when did the contract expire?'],
    ['\u001b[31mwhen\u001b[0m did the contract expire?\u0007', 'when did the contract expire?'],
  ])('reads %j as %j', (text, plain) => {
    expect(toPlainWords(text)).toBe(plain);
  });

  it('changes neither the answer nor the decision to abstain', () => {
    const engine = createStrikebotEngine(documents);
    const plain = [
      'When did the union contract expire?',
      'How many mental health workers went on strike in Southern California?',
      'Who won the World Series?',
    ];
    const wrap = fc.constantFrom(
      (q: string) => `<@U024BE7LH> ${q}`,
      (q: string) => `**${q}**`,
      (q: string) => `_${q}_ <!here>`,
      (q: string) => `${q} <@123456789012345678>`,
      (q: string) => `> ${q}`,
      (q: string) => `${q} @everyone`,
      (q: string) => `\u001b[1m${q}\u001b[0m`,
    );
    fc.assert(
      fc.property(fc.constantFrom(...plain), wrap, (question, marked) => {
        const asked = engine.answer(toPlainWords(marked(question)));
        const direct = engine.answer(question);
        expect({ ...asked, question: '' }).toEqual({ ...direct, question: '' });
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('stripTerminalControls', () => {
  it('removes CSI, OSC and control characters, keeping tabs and line breaks', () => {
    expect(stripTerminalControls('a\u001b[2J\u001b]0;title\u0007b\tc\nd\u009b31me\u0000')).toBe(
      'ab\tc\nde',
    );
  });
});
