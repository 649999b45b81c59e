import type { Thesaurus } from '../question/wordnet.ts';
import type { Chunk, SourceDocument } from '../types.ts';
import { type Attribution, createSentenceAttributor } from './attribution.ts';
import type { SideMatcher } from './side-matcher.ts';
import { SIDES_DEFAULTS, type SidesProfile, UNKNOWN } from './sides-profile.ts';

/**
 * The speaker of any chunk, worked out the first time a chunk of its document is asked about and
 * kept: attribution reads a whole document (a quotation's speaker may be named sentences
 * earlier) and costs a few tokenisations per sentence, so only cited documents pay for it.
 */

/** Sides of an engine whose profile names none: every sentence is a document's own voice. */
export const NO_SIDES: SidesProfile = {
  sides: [],
  people: [],
  ...SIDES_DEFAULTS,
  ownVoiceKinds: [...SIDES_DEFAULTS.ownVoiceKinds],
};

/** Finds who speaks in a chunk. */
export type SpeakerLookup = (chunk: Chunk) => Attribution;

/**
 * A lookup of chunk speakers over an engine's chunk table (chunks of one document are
 * consecutive, in body order), attributing each document once, on first use.
 *
 * @example
 * const speakerOf = createSpeakerLookup(corpus.chunks, corpus.docById, compileSides(profile.sides ?? NO_SIDES));
 * speakerOf(chunk).speaker // => { name: 'Jane Doe', role: 'president of ...', side: 'guild' }
 */
export function createSpeakerLookup(
  chunks: readonly Chunk[],
  docById: ReadonlyMap<string, SourceDocument>,
  matcher: SideMatcher,
  thesaurus?: Pick<Thesaurus, 'verbCategory'>,
): SpeakerLookup {
  const attribute = createSentenceAttributor(matcher, thesaurus);
  const byDocument = new Map<string, Attribution[]>();
  return (chunk) => {
    let attributions = byDocument.get(chunk.docId);
    if (!attributions) {
      const first = chunk.id - chunk.position;
      let end = first;
      while (chunks[end]?.docId === chunk.docId) end++;
      const document = docById.get(chunk.docId) ?? { id: chunk.docId, title: '', body: '' };
      attributions = attribute(chunks.slice(first, end), document);
      byDocument.set(chunk.docId, attributions);
    }
    return attributions[chunk.position] ?? { speaker: { side: UNKNOWN }, reported: false };
  };
}
