/**
 * Quotation marks in a sentence: which of its text is quoted and whether a quotation is still
 * open at its end. Only double quotation marks count; single ones are mostly apostrophes.
 */

/** Stands for one quoted passage in a {@link QuoteScan.frame}. */
export const QUOTE = '\uE000';

/** A sentence with its quoted passages found. */
export interface QuoteScan {
  /**
   * The sentence with every quoted passage (marks included) replaced by {@link QUOTE}: the words
   * the writer says in their own voice, where speech verbs and speakers are looked for.
   */
  frame: string;
  /** True when some of the sentence is inside quotation marks. */
  quoted: boolean;
  /** True when the sentence begins inside a quotation opened earlier. */
  startsInQuote: boolean;
  /** True when the first mark opens a quotation at the very start of the sentence. */
  opensQuote: boolean;
  /** True when a quotation is still open at the end of the sentence. */
  endsInQuote: boolean;
}

const OPENING = new Set(['“', '„', '«']);
const ANY_MARK = /["“”„«»]/;
const CLOSING = new Set(['”', '»']);

/** Whether a straight `"` at `i` opens a quotation (at the start, or after space or a bracket). */
function straightOpens(text: string, i: number): boolean {
  return i === 0 || /[\s([{\u2014-]/u.test(text.charAt(i - 1));
}

/**
 * Finds the quoted passages of a sentence. `inQuote` says whether a quotation opened earlier is
 * still open where the sentence starts. A closing mark with no opening one closes a passage that
 * began before the sentence, or, in mistyped text, one running from the previous closing mark.
 *
 * @example
 * scanQuotations('“It is over,” she said.', false).frame // => '\uE000 she said.'
 */
export function scanQuotations(text: string, inQuote: boolean): QuoteScan {
  if (!inQuote && !ANY_MARK.test(text)) {
    return {
      frame: text,
      quoted: false,
      startsInQuote: false,
      opensQuote: false,
      endsInQuote: false,
    };
  }
  let frame = '';
  let open = inQuote;
  let quoted = inQuote;
  let segmentStart = 0;
  let opensQuote = false;
  let sawMark = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const opening = OPENING.has(ch) || (ch === '"' && !open && straightOpens(text, i));
    const closing = CLOSING.has(ch) || (ch === '"' && !opening);
    if (!opening && !closing) continue;
    if (!sawMark && opening && text.slice(0, i).trim() === '') opensQuote = true;
    sawMark = true;
    if (opening && !open) {
      frame += text.slice(segmentStart, i);
      segmentStart = i;
      open = true;
      quoted = true;
    } else if (closing) {
      // A stray closing mark: the passage ran from the last boundary up to it.
      frame += QUOTE;
      segmentStart = i + 1;
      open = false;
      quoted = true;
    }
    // A second opening mark inside an open passage is a typo; the passage goes on.
  }
  frame += open ? QUOTE : text.slice(segmentStart);
  return { frame, quoted, startsInQuote: inQuote, opensQuote, endsInQuote: open };
}
