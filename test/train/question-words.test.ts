import { describe, expect, it } from 'vitest';
import { learnQuestionWords } from '../../src/train/question-words.ts';

describe('learnQuestionWords', () => {
  it('gives each question word its share of all the words asked, thread turns included', () => {
    const learned = learnQuestionWords({
      questions: [
        { question: 'when does the ferry leave', answer_any: ['leaves at noon'] },
        { question: 'How many cars fit?', answer_any: ['48 cars'] },
      ],
      conversations: [
        {
          id: 'c1',
          turns: [
            { question: 'who runs the ferry', answer_any: ['the harbour board'] },
            { question: 'and when', answer_any: ['since 1998'] },
          ],
        },
      ],
    });
    // 5 + 4 + 4 + 2 = 15 words: "when" twice, "how" and "who" once; unused question words absent.
    expect(learned).toEqual({ when: 2 / 15, who: 1 / 15, how: 1 / 15 });
  });
});
