import { normalizeText, splitWords } from '../core/index/text.ts';
import { flattenQuestions } from '../eval/score.ts';
import type { Fold } from './dataset.ts';

/**
 * English question words: the words whose chat spellings ("wen", "wat", "hoo") the speller reads
 * with a prior learned from how often people use them in questions. A closed class of English.
 */
const QUESTION_WORDS = ['what', 'when', 'where', 'who', 'whom', 'whose', 'which', 'why', 'how'];

/**
 * How often each question word occurs among the words of the training questions and thread
 * turns: a question word is far commoner in a question than in general English (film subtitles),
 * so a near spelling of one in a question is likelier to mean it.
 *
 * @example
 * learnQuestionWords(data).when // => 0.0065 (28 of 4,318 words)
 */
export function learnQuestionWords(data: Fold): Record<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const { question } of flattenQuestions([...data.questions, ...data.conversations])) {
    for (const word of splitWords(normalizeText(question.question))) {
      total++;
      if (QUESTION_WORDS.includes(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const probabilities: Record<string, number> = {};
  for (const word of QUESTION_WORDS) {
    const count = counts.get(word) ?? 0;
    if (count > 0) probabilities[word] = count / total;
  }
  return probabilities;
}
