/**
 * Groups rewordings of one question, so the report counts "how many therapists quit?", "How many
 * therapists quit" and "how many therapist quitting??" as one question asked three times.
 */
import { questionTerms } from './question-terms.ts';

/**
 * Least share of terms two questions must have in common (Jaccard similarity of their term sets)
 * to count as one question reworded. At 0.6 a two-term question groups only with the same two
 * terms, and a four-term question tolerates one word added or changed.
 */
const SAME_QUESTION = 0.6;

/** One asked question (or wording) with how often and when it was last asked. */
export interface Asked {
  question: string;
  count: number;
  /** Latest time asked, ms since the epoch. */
  lastAsked: number;
}

/** A group of rewordings: the wording shown, the total count and the latest time. */
export interface QuestionGroup extends Asked {
  /** Every wording in the group, most asked first. */
  wordings: string[];
}

/** Jaccard similarity of two sets. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Groups `asked` wordings whose index terms overlap by at least {@link SAME_QUESTION} with the
 * group's most asked wording; groups come most asked first (then most recent), each shown by its
 * most asked wording.
 *
 * @example
 * groupRewordings([
 *   { question: 'how many therapists quit?', count: 2, lastAsked: 2 },
 *   { question: 'How many therapists QUIT', count: 1, lastAsked: 3 },
 * ]); // [{ question: 'how many therapists quit?', count: 3, lastAsked: 3, wordings: [...] }]
 */
export function groupRewordings(asked: readonly Asked[]): QuestionGroup[] {
  const ordered = [...asked].sort((a, b) => b.count - a.count || b.lastAsked - a.lastAsked);
  const groups: (QuestionGroup & { terms: Set<string> })[] = [];
  for (const item of ordered) {
    const terms = questionTerms(item.question);
    const home = groups.find((g) => similarity(g.terms, terms) >= SAME_QUESTION);
    if (home) {
      home.count += item.count;
      home.lastAsked = Math.max(home.lastAsked, item.lastAsked);
      home.wordings.push(item.question);
    } else {
      groups.push({ ...item, wordings: [item.question], terms });
    }
  }
  return groups
    .sort((a, b) => b.count - a.count || b.lastAsked - a.lastAsked)
    .map(({ terms: _terms, ...group }) => group);
}
