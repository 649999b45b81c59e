import { emptyThesaurus, type Thesaurus, VERB_COMMUNICATION } from '../question/wordnet.ts';
import type { Chunk, SourceDocument, Speaker } from '../types.ts';
import { surnameOf } from './names.ts';
import { findDescribed, findPeople } from './people.ts';
import { QUOTE, type QuoteScan, scanQuotations } from './quotations.ts';
import { compileSides, type SideMatcher, type SideMention } from './side-matcher.ts';
import { REPORTER, type SidesProfile, UNKNOWN } from './sides-profile.ts';
import {
  type NamedPerson,
  readSpeakerAfter,
  readSpeakerBefore,
  readSubject,
  type SpeakerPhrase,
} from './speaker-phrase.ts';
import { findSpeechActs, reportsPosition, type SpeechAct } from './speech.ts';

/**
 * Attribution: who makes the claim in each sentence of a document. A sentence is its speaker's
 * when it quotes them, continues their quotation, or reports what they say or want ("X said",
 * "according to X", "X is asking for"); otherwise it is the document's own voice: the reporter
 * of a news story, or the side that published a press release.
 */

export type { Speaker } from '../types.ts';

/** A document as attribution reads it: `kind` is its front matter `type` ("press-release"). */
export type AttributedDocument = SourceDocument;

/** Paragraphs an unattributed quotation may lie after the last speaker named and still be theirs. */
const MAX_QUOTE_GAP_PARAGRAPHS = 1;
/** Own words (outside quotation marks) a sentence may have and still count as a quotation. */
const MAX_FRAME_WORDS_OF_QUOTE = 3;
/** Longest sentence that only names the speaker of the quotation before it ("said Jane Doe."). */
const MAX_WORDS_OF_BARE_ATTRIBUTION = 8;
/** Texts whose organisation names a resolver keeps at once (one document's worth, roughly). */
const MAX_CACHED_TEXTS = 512;
/** Longest group description used as a speaker's name; longer ones are named by their organisation. */
const MAX_GROUP_NAME_WORDS = 6;

/**
 * A role that speaks for an organisation the text named before: "its president", "their
 * spokeswoman", "a spokesperson for the health care giant", "company spokesperson" (a professor
 * at "the university" is not one).
 */
const SPEAKS_FOR_ONE_BEFORE =
  /^(?:its|their)\s|^(?:an?\s+|the\s+)?(?:\p{L}+\s+)?(?:spokesperson|spokesman|spokeswoman|representative)(?:$|\s+(?:for|of)\s+(?:the|its|their)\s)/iu;

/** A speaker and whether they are one named person (for "he"/"she" and "it"). */
interface Resolved {
  speaker: Speaker;
  person: boolean;
}

/** What has been said so far in the document. */
interface DocumentState {
  /** People introduced with a description, by lower-cased full name and by surname. */
  people: Map<string, Resolved>;
  /** What the document says people are ("Doe is a nurse"), by lower-cased full name and surname. */
  described: Map<string, string>;
  /** The document's own voice: its publisher, on the side the profile gives it. */
  ownVoice: Resolved;
  lastPerson?: Resolved;
  lastOrganisation?: Resolved;
  /** The organisation that last acted in the document: a sentence's subject, or a speaker. */
  lastAgent?: { resolved: Resolved; chunk: number };
  lastSpeaker?: { resolved: Resolved; paragraph: number; chunk: number };
}

const FIRST_PERSON = /(?<![\p{L}’'])(?:[Ww]e|[Oo]ur|[Oo]urs|us|I|my|me)(?![\p{L}’'])/u;

function countWords(text: string): number {
  return text.split(new RegExp(`[\\s${QUOTE}]+`, 'u')).filter((w) => /[\p{L}\p{N}]/u.test(w))
    .length;
}

/** The first description of a role ("president of X, the group that..." → "president of X"). */
function firstRole(role: string | undefined): string | undefined {
  const first = role?.split(/,\s+(?![^(]*\))/)[0]?.trim();
  return first === '' ? undefined : first;
}

/** A group as a speaker's name: without "a"/"an", with "the" in lower case ("the union"). */
function nameOfGroup(text: string): string {
  return text.replace(/^an?\s+/i, '').replace(/^The\s/, 'the ');
}

/**
 * Keeps `value` under a person's full name (lower case) and surname, the two ways a document
 * refers to them again; `keepFirst` leaves entries already there.
 */
function setByName<T>(map: Map<string, T>, name: string, value: T, keepFirst = false): void {
  for (const key of [name.toLowerCase(), surnameOf(name)]) {
    if (!keepFirst || !map.has(key)) map.set(key, value);
  }
}

function groupOf(mention: SideMention): Resolved {
  return { speaker: { name: nameOfGroup(mention.text), side: mention.side }, person: false };
}

/**
 * The organisation a sentence is about as its subject: the first one named, when nothing but an
 * opening phrase ("Last year,"), "the" and capitalised words come before it and it is not a
 * possessive ("Bayview's failures" are about the failures).
 */
function subjectOf(text: string, mentions: readonly SideMention[]): SideMention | undefined {
  const first = mentions[0];
  if (!first) return undefined;
  const before = text.slice(0, first.index).replace(/^[\s"“„«]+/u, '');
  const after = text.slice(first.index + first.text.length);
  if (/^[’']s(?!\p{L})/u.test(after)) return undefined;
  return /^(?:[^,]*,\s+)?(?:the\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+)*$/u.test(before) ? first : undefined;
}

function speakerOf(name: string | undefined, role: string | undefined, side: string): Speaker {
  return {
    ...(name === undefined ? {} : { name }),
    ...(role === undefined ? {} : { role }),
    side,
  };
}

/** Resolves one chunk's speaker phrases against the profile and what the document said before. */
class Resolver {
  constructor(
    private readonly matcher: SideMatcher,
    private readonly state: DocumentState,
    private readonly reportsSpeech: (word: string) => boolean,
  ) {}

  /** Organisation names found per text: the same frame is asked about for each name in it. */
  private readonly found = new Map<string, SideMention[]>();

  organisationsIn(text: string): SideMention[] {
    let mentions = this.found.get(text);
    if (mentions === undefined) {
      if (this.found.size >= MAX_CACHED_TEXTS) this.found.clear();
      mentions = this.matcher.findOrganisations(text);
      this.found.set(text, mentions);
    }
    return mentions;
  }

  isOrganisation = (text: string, start: number, end: number): boolean =>
    this.organisationsIn(text).some((m) => m.index < end && m.index + m.text.length > start);

  /** A person: the description given here, else as introduced earlier, else the profile's. */
  person(named: NamedPerson): Resolved {
    // "Governor Newsom": a title and a surname are the person introduced as "Gavin Newsom".
    const title = this.matcher.sideOfTitle(named.name);
    const bare = title?.index === 0 ? named.name.slice(title.text.length).trim() : named.name;
    const key = bare.includes(' ') ? bare.toLowerCase() : surnameOf(bare);
    const known = this.state.people.get(key)?.speaker;
    const listed = this.matcher.findPerson(known?.name ?? named.name);
    // No description here: the one given at their introduction, else what the document says they are.
    const role = named.role || (known?.role ? undefined : this.describedRole(named.name));
    const side =
      (role && this.matcher.sideOfRole(role)?.side) ||
      (known && known.side !== UNKNOWN ? known.side : undefined) ||
      title?.side ||
      listed?.side ||
      (role && SPEAKS_FOR_ONE_BEFORE.test(role)
        ? this.antecedent('', false).speaker.side
        : UNKNOWN);
    const name = known?.name ?? listed?.name ?? named.name;
    return {
      speaker: speakerOf(name, firstRole(role) ?? known?.role ?? listed?.role, side),
      person: true,
    };
  }

  /** What a sentence of the document says a person is ("Doe is a nurse"), by full name or surname. */
  private describedRole(name: string): string | undefined {
    return (
      this.state.described.get(name.toLowerCase()) ?? this.state.described.get(surnameOf(name))
    );
  }

  /**
   * The organisation last named in `context`; else whichever acted last, the last organisation
   * that was a sentence's subject or a speaker, or (when `allowPerson`) the last person who
   * spoke; else the organisation last named at all.
   */
  antecedent(context: string, allowPerson: boolean): Resolved {
    const mention = this.organisationsIn(context).at(-1);
    if (mention) return groupOf(mention);
    const { lastAgent: agent, lastSpeaker: speaker } = this.state;
    const person = allowPerson && speaker?.resolved.person ? speaker : undefined;
    if (person && (!agent || person.chunk >= agent.chunk)) return person.resolved;
    if (agent) return agent.resolved;
    return this.state.lastOrganisation ?? { speaker: { side: UNKNOWN }, person: false };
  }

  group(text: string, core: string, context: string): Resolved {
    const mention = this.sideOfGroup(text, core);
    if (mention) {
      const short = text.split(/\s+/).length <= MAX_GROUP_NAME_WORDS;
      return {
        speaker: { name: nameOfGroup(short ? text : mention.text), side: mention.side },
        person: false,
      };
    }
    // "the agency", "a spokesperson for the company": the organisation meant is the one named before.
    if (/^the\s+\S+$|\s(?:for|of|at|with)\s+the\s+[^,]+$/iu.test(text)) {
      return this.antecedent(context, false);
    }
    return { speaker: { name: nameOfGroup(text), side: UNKNOWN }, person: false };
  }

  phrase(phrase: SpeakerPhrase, context: string): Resolved {
    if (phrase.kind === 'group') return this.group(phrase.text, phrase.core, context);
    if (phrase.kind === 'pronoun') {
      if (phrase.pronoun === 'he' || phrase.pronoun === 'she') {
        return this.state.lastPerson ?? { speaker: { side: UNKNOWN }, person: true };
      }
      // "We have proposed that ...": a party's own document speaks for it; in a report, the
      // first person is the last speaker's, quoted without marks.
      if (phrase.pronoun === 'we' || phrase.pronoun === 'i') {
        const own = this.state.ownVoice;
        if (own.speaker.side !== REPORTER) return own;
        return this.state.lastSpeaker?.resolved ?? { speaker: { side: UNKNOWN }, person: false };
      }
      return this.antecedent(context, phrase.pronoun === 'they');
    }
    const people = phrase.people.map((p) => this.person(p));
    if (people.length === 1) return people[0] as Resolved;
    const side = people.find((p) => p.speaker.side !== UNKNOWN)?.speaker.side ?? UNKNOWN;
    const name = people.map((p) => p.speaker.name).join(' and ');
    return { speaker: { name, side }, person: false };
  }

  /**
   * The speaker of the first speech act of a frame that names one (a verb of communication the
   * speech verbs do not list counts only when it names its party itself: see `namesParty`).
   */
  acts(frame: string): Resolved | undefined {
    for (const act of findSpeechActs(frame, this.reportsSpeech)) {
      const phrase = this.speakerPhrase(act);
      if (!phrase) continue;
      const resolved = this.phrase(phrase, act.before);
      if (act.lexical && !this.namesParty(phrase, resolved)) continue;
      // "The union is demanding ..." in the company's own notice: the company's account of it.
      const own = this.state.ownVoice.speaker.side;
      if (own !== REPORTER && resolved.speaker.side !== own && reportsPosition(act.verb)) continue;
      return resolved;
    }
    return undefined;
  }

  /** The phrase naming an act's speaker, where the act says it stands. */
  private speakerPhrase(act: SpeechAct): SpeakerPhrase | undefined {
    switch (act.side) {
      case 'after':
        return readSpeakerAfter(act.after, this.isOrganisation);
      case 'subject':
        return readSubject(act.before, this.isOrganisation);
      case 'before':
        return readSpeakerBefore(act.before, this.isOrganisation);
      case 'either':
        return (
          readSpeakerBefore(act.before, this.isOrganisation) ??
          readSpeakerAfter(act.after, this.isOrganisation)
        );
    }
  }

  /**
   * True when a speaker phrase names a party itself: a person or group the profile places, not a
   * pronoun or a description ("the contract") read as the organisation named before.
   */
  private namesParty(phrase: SpeakerPhrase, resolved: Resolved): boolean {
    if (phrase.kind === 'pronoun' || resolved.speaker.side === UNKNOWN) return false;
    if (phrase.kind !== 'group') return true;
    return this.sideOfGroup(phrase.text, phrase.core) !== undefined;
  }

  /** The side a group phrase names itself, by its head ("union officials") or its whole text. */
  private sideOfGroup(text: string, core: string): SideMention | undefined {
    return this.matcher.sideOfRole(core) ?? this.matcher.sideOfRole(text);
  }
}

/** Quotation scans of a document's chunks; a quotation runs on into a paragraph that reopens it. */
function scanChunks(chunks: readonly Chunk[]): QuoteScan[] {
  const scans: QuoteScan[] = [];
  let inQuote = false;
  for (const [i, chunk] of chunks.entries()) {
    if (i > 0 && chunk.paragraph !== chunks[i - 1]?.paragraph) {
      inQuote = inQuote && /^\s*["“„«]/u.test(chunk.text);
    }
    const scan = scanQuotations(chunk.text, inQuote);
    // Names are compared word by word; line breaks inside a sentence are spaces.
    scans.push({ ...scan, frame: scan.frame.replace(/\s+/g, ' ') });
    inQuote = scan.endsInQuote;
  }
  return scans;
}

/** True when a sentence is a quotation (continued, opening, or with at most a few own words). */
function isQuotation(scan: QuoteScan): boolean {
  if (!scan.quoted) return false;
  return (
    scan.startsInQuote || scan.opensQuote || countWords(scan.frame) <= MAX_FRAME_WORDS_OF_QUOTE
  );
}

/** A sentence's speaker, and whether the text reports them speaking. */
export interface Attribution {
  speaker: Speaker;
  /**
   * True when the sentence quotes or reports its speaker ("…," she said; according to the union;
   * the union is asking for); false when it is the document's own voice (a news report's
   * narration, a press release's own text).
   */
  reported: boolean;
}

/**
 * Makes a function giving each sentence of a document its {@link Attribution}, from the compiled
 * sides (the caller compiles them once, and may share them).
 *
 * @example
 * const attribute = createSentenceAttributor(compileSides(profile.sides));
 * attribute(chunksOfDocument, document)[0] // => { speaker: { side: 'reporter' }, reported: false }
 */
export function createSentenceAttributor(
  matcher: SideMatcher,
  thesaurus: Pick<Thesaurus, 'verbCategory'> = emptyThesaurus,
): (chunks: readonly Chunk[], document: AttributedDocument) => Attribution[] {
  const reportsSpeech = (word: string) => thesaurus.verbCategory(word) === VERB_COMMUNICATION;
  return (chunks, document) => attribute(matcher, reportsSpeech, chunks, document);
}

/**
 * Makes an attribution function for one profile (the profile is compiled once).
 *
 * @example
 * const attribute = createAttributor(profile.sides);
 * const speakers = attribute(chunksOfDocument, document);
 */
export function createAttributor(
  profile: SidesProfile,
  thesaurus?: Pick<Thesaurus, 'verbCategory'>,
): (chunks: readonly Chunk[], document: AttributedDocument) => Speaker[] {
  const attribute = createSentenceAttributor(compileSides(profile), thesaurus);
  return (chunks, document) => attribute(chunks, document).map((a) => a.speaker);
}

/**
 * The speaker of each chunk of one document (`chunks` are that document's chunks in body order;
 * the result has one speaker per chunk, in the same order).
 *
 * @example
 * attributeChunks(chunks, { id: 'd', title: 'T', body }, profile)[0]
 * // => { name: 'Jane Doe', role: 'a nurse in Fresno', side: 'union' }
 */
export function attributeChunks(
  chunks: readonly Chunk[],
  document: AttributedDocument,
  profile: SidesProfile,
  thesaurus?: Pick<Thesaurus, 'verbCategory'>,
): Speaker[] {
  return createAttributor(profile, thesaurus)(chunks, document);
}

function attribute(
  matcher: SideMatcher,
  reportsSpeech: (word: string) => boolean,
  chunks: readonly Chunk[],
  document: AttributedDocument,
): Attribution[] {
  const ownVoice: Resolved = {
    speaker: speakerOf(document.publisher, undefined, matcher.ownVoiceOf(document)),
    person: false,
  };
  const state: DocumentState = { people: new Map(), described: new Map(), ownVoice };
  const resolver = new Resolver(matcher, state, reportsSpeech);
  const scans = scanChunks(chunks);
  const describedAt = scans.map((scan) => findDescribed(scan.frame, resolver.isOrganisation));
  for (const described of describedAt) {
    if (!described) continue;
    setByName(state.described, described.name, described.role);
  }
  const introduced = scans.map((scan, i) => {
    const people = findPeople(scan.frame, resolver.isOrganisation).map((named) => {
      const resolved = resolver.person(named);
      setByName(state.people, named.name, resolved);
      return resolved;
    });
    // "Jane Doe is a nurse. 'No,' she said.": a person the sentence says who they are.
    const described = describedAt[i];
    return people.length > 0 || !described ? people : [resolver.person(described)];
  });
  const samePara = (i: number, j: number) => chunks[i]?.paragraph === chunks[j]?.paragraph;

  /** A quotation's speaker named later in its paragraph: where it closes, or the next sentence. */
  const lookAhead = (i: number): Resolved | undefined => {
    let j = i;
    while (scans[j]?.endsInQuote && scans[j + 1]?.startsInQuote) j++;
    if (j > i && !scans[j]?.endsInQuote) return resolver.acts(scans[j]?.frame ?? '');
    const next = scans[i + 1];
    if (j === i && next && samePara(i + 1, i) && !next.quoted) {
      if (countWords(next.frame) <= MAX_WORDS_OF_BARE_ATTRIBUTION) return resolver.acts(next.frame);
    }
    return undefined;
  };

  const speakers: Attribution[] = [];
  let quoteSpeaker: Resolved | undefined;
  let intro: Resolved | undefined;
  let unmarked: { resolved: Resolved; paragraph: number } | undefined;
  for (const [i, chunk] of chunks.entries()) {
    const scan = scans[i] as QuoteScan;
    const recent =
      state.lastSpeaker && chunk.paragraph - state.lastSpeaker.paragraph <= MAX_QUOTE_GAP_PARAGRAPHS
        ? state.lastSpeaker.resolved
        : undefined;
    let resolved = resolver.acts(scan.frame);
    if (!resolved && isQuotation(scan)) {
      resolved = scan.startsInQuote && quoteSpeaker ? quoteSpeaker : (lookAhead(i) ?? recent);
      resolved ??= { speaker: { side: UNKNOWN }, person: false };
    }
    if (!resolved && chunk.kind === 'bullet') resolved = intro;
    if (!resolved && ownVoice.speaker.side === REPORTER && FIRST_PERSON.test(scan.frame)) {
      resolved = recent;
      // A report does not speak in the first person: this is its speaker's statement, quoted
      // without marks, and it runs on to the end of the paragraph.
      if (recent) unmarked = { resolved: recent, paragraph: chunk.paragraph };
    }
    if (!resolved && unmarked?.paragraph === chunk.paragraph && !scan.quoted) {
      resolved = unmarked.resolved;
    }
    const own = !resolved;
    const final = resolved ?? ownVoice;
    speakers.push({ speaker: final.speaker, reported: !own });

    if (!own) state.lastSpeaker = { resolved: final, paragraph: chunk.paragraph, chunk: i };
    state.lastPerson = (!own && final.person ? final : introduced[i]?.at(-1)) ?? state.lastPerson;
    // A speaker named in full ("said Jane Doe") is who "Doe said" means later.
    const name = final.person ? final.speaker.name : undefined;
    if (!own && name?.includes(' ')) setByName(state.people, name, final, true);
    if (scan.quoted) quoteSpeaker = final;
    if (chunk.kind !== 'bullet') intro = /:\s*$/.test(chunk.text) ? final : undefined;
    const mentions = resolver.organisationsIn(chunk.text);
    const subject = subjectOf(chunk.text, mentions);
    // A group the sentence reports speaking acted in it, whatever organisation its subject
    // names ("Bayview nurses are asking ...": the nurses, not the hospital).
    if (!own && !final.person) state.lastAgent = { resolved: final, chunk: i };
    else if (subject) state.lastAgent = { resolved: groupOf(subject), chunk: i };
    const mention = mentions.at(-1);
    if (mention) state.lastOrganisation = groupOf(mention);
  }
  return speakers;
}
