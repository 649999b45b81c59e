/**
 * The one place the report reaches into the engine's text handling: a question's index terms,
 * as the engine itself reads them (case, punctuation and diacritics folded, stop words dropped,
 * words stemmed, numbers normalised). If the core moves its tokenizer, only this import changes.
 */
import { tokenize } from '../core/index/text.ts';

/**
 * The distinct index terms of a question.
 *
 * @example
 * questionTerms('How many therapists QUIT?'); // Set { 'therapist', 'quit' }
 */
export function questionTerms(question: string): Set<string> {
  return new Set(tokenize(question));
}
