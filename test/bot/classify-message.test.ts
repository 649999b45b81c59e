import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/bot/classify-message.ts';

describe('classifyMessage', () => {
  it.each([
    ['hi', 'greeting'],
    ['Hello there!', 'greeting'],
    ['heyyy 👋', 'greeting'],
    ['good morning, bot', 'greeting'],
    ['thanks!', 'thanks'],
    ['Thank you so much 🙏', 'thanks'],
    ['ok thx', 'thanks'],
    ['cheers, that was helpful', 'thanks'],
    ['help', 'help'],
    ['help!', 'help'],
    ['Can you help me please?', 'help'],
    ['what can you do?', 'help'],
    ['Who are you?', 'help'],
    ['how do I use this bot?', 'help'],
    ['hi, what can you do?', 'help'],
    ['what sources do you have?', 'sources'],
    ['What are your sources?', 'sources'],
    ['which articles do you use?', 'sources'],
    ['hey, where do you get your info from?', 'sources'],
    ['Sources?', 'sources'],
    ['documents', 'sources'],
    ['   ', 'empty'],
    ['?!', 'empty'],
  ])('reads %j as %s', (text, kind) => {
    expect(classifyMessage(text)).toBe(kind);
  });

  it.each([
    'help with pay?',
    'can you help me find the strike dates?',
    'hi, why did they strike?',
    'thanks! and how long did it last?',
    'what can the union do about wait times?',
    'who are the strikers?',
    'what sources say the strike ended?',
    'what are your sources on the 2022 strike?',
    'what do you know about pensions?',
    'hello kitty',
    'is help available for patients during the strike?',
    'how are you supposed to get an appointment?',
  ])('reads %j as a question', (text) => {
    expect(classifyMessage(text)).toBe('question');
  });

  it('calls any message with a word outside its small-talk vocabulary a question', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('hi', 'thanks', 'help', 'what can you do'),
        fc.constantFrom('strike', 'pay', 'therapists', 'wages', 'picket', 'kaiser', 'when'),
        (talk, word) => {
          expect(classifyMessage(`${talk} ${word}`)).toBe('question');
          expect(classifyMessage(`${word} ${talk}`)).toBe('question');
        },
      ),
    );
  });
});
