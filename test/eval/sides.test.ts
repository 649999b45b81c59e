import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/types.ts';
import { createStrikebotEngine } from '../../src/domain/engine.ts';
import {
  formatSidesReport,
  parseHandLabels,
  parseSidesSet,
  scoreSides,
} from '../../src/eval/sides.ts';
import { loadKnowledge } from '../../src/knowledge/index.ts';

const root = join(import.meta.dirname, '..', '..');
const readSet = (file: string) => parseSidesSet(readFileSync(join(root, file), 'utf8'), file);

describe('scoreSides', () => {
  const rows = parseSidesSet(
    [
      '{"id":"c1","question":"Is staffing short?","kind":"contested","sides_any":{"guild":["wards are short"],"hospital":["staffing meets"]}}',
      '',
      '{"id":"f1","question":"When is the vote?","kind":"factual","answer_any":["Friday"]}',
    ].join('\n'),
    'set.jsonl',
  );
  const cite = (snippet: string, side: string) => ({
    n: 1,
    docId: 'd',
    title: 't',
    snippet,
    score: 1,
    speaker: { side, label: side },
  });
  const engineAnswering = (answers: Record<string, Partial<Answer>>) => ({
    answer: (question: string): Answer => ({
      question,
      answered: true,
      text: '',
      citations: [],
      ...answers[question],
    }),
  });

  it('counts a disputed question only when each side is quoted under its own label', () => {
    const both = scoreSides(
      engineAnswering({
        'Is staffing short?': {
          citations: [
            cite('The guild says wards are short.', 'guild'),
            cite('Staffing meets the rules.', 'hospital'),
          ],
        },
      }),
      rows,
    );
    expect(both).toMatchObject({
      contested: 1,
      bothSidesShare: 1,
      everySideCitedShare: 1,
      factual: 1,
      invented: 0,
    });
    const mislabelled = scoreSides(
      engineAnswering({
        'Is staffing short?': {
          citations: [
            cite('The guild says wards are short.', 'guild'),
            cite('Staffing meets the rules.', 'reporter'),
          ],
        },
      }),
      rows,
    );
    expect(mislabelled.bothSidesShare).toBe(0);
    expect(mislabelled.everySideCitedShare).toBe(0);
    expect(mislabelled.results[0]?.sidesRight).toEqual(['guild']);
  });

  it('counts each side cited under its label apart from whether its claim is the one asked for', () => {
    const report = scoreSides(
      engineAnswering({
        'Is staffing short?': {
          citations: [
            cite('The guild says wards are short.', 'guild'),
            cite('The hospital opened a new wing.', 'hospital'),
          ],
        },
      }),
      rows,
    );
    expect(report).toMatchObject({ bothSidesShare: 0, everySideCitedShare: 1 });
    expect(report.results[0]).toMatchObject({ sidesRight: ['guild'], everySideCited: true });
  });

  it('checks each cited side against the hand label of the snippet’s first sentence in its document', () => {
    const labels = parseHandLabels(
      JSON.stringify({
        documents: {
          d: [
            { text: 'The guild says wards are short.', side: 'guild' },
            { text: 'Staffing meets the rules.', side: 'guild', person: 'Ann Lee' },
            { text: 'The board agrees.', side: 'board' },
          ],
        },
      }),
      'labels.json',
    );
    const answers = engineAnswering({
      'Is staffing short?': {
        citations: [
          cite('The guild says wards are short.', 'guild'),
          cite('Staffing meets the rules. The board agrees.', 'hospital'),
          { ...cite('Staffing meets the rules.', 'hospital'), docId: 'other' },
        ],
      },
    });
    const report = scoreSides(answers, rows, labels);
    expect(report.handLabelled).toEqual({ rightShare: 0, citations: 2, mislabelled: 1 });
    expect(report.results[0]).toMatchObject({ everySideCited: true, labelledRight: false });
    expect(formatSidesReport(report).split('\n')[3]).toBe(
      'hand labels: 0/1 contested answers cite each side by a sentence that side says (0.000); 1 of 2 labelled citations show another side',
    );
    expect(scoreSides(answers, rows).handLabelled).toBeUndefined();
    expect(() => parseHandLabels('{"documents":{"d":[{"text":"x"}]}}', 'l.json')).toThrow(
      /^l\.json: not hand-labelled speakers \(documents\.d\.0\.side: /,
    );
    expect(() => parseHandLabels('{', 'l.json')).toThrow('l.json: not JSON');
  });

  it('counts a factual answer set out as a dispute as an invented side', () => {
    const report = scoreSides(
      engineAnswering({ 'When is the vote?': { layout: 'both-sides' } }),
      rows,
    );
    expect(report.invented).toBe(1);
    expect(formatSidesReport(report).split('\n').slice(0, 3)).toEqual([
      'contested: 0/1 answers quote both sides, correctly labelled (0.000)',
      'contested: 0/1 answers cite each side under its label, any claim (0.000)',
      'factual: 1/1 answers invent a second side',
    ]);
  });

  it('names the file and line of a row that is neither contested nor factual', () => {
    expect(() => parseSidesSet('{"id":"x","question":"q?","kind":"other"}', 'bad.jsonl')).toThrow(
      /^bad\.jsonl:1: not a contested or factual question/,
    );
    expect(() => parseSidesSet('\n{nope', 'bad.jsonl')).toThrow('bad.jsonl:2: not JSON');
  });
});

// Measured with the model in src/model/ranker.json when this was written (see README, "Sides of
// the dispute"); the floors sit just under the measured figures so a regression fails.
describe('both sides on the contested sets', () => {
  it('test/eval/contested.jsonl over knowledge/: 4 of 24 disputes with the claims asked for, 21 with each side (by the hand labels too), none of 20 factual set out as one', async () => {
    const engine = createStrikebotEngine(await loadKnowledge(join(root, 'knowledge')));
    const labels = parseHandLabels(
      readFileSync(join(root, 'test/core/answer/fixtures/seed-speakers.json'), 'utf8'),
      'seed-speakers.json',
    );
    const report = scoreSides(engine, readSet('test/eval/contested.jsonl'), labels);
    expect(report.contested).toBe(24);
    expect(report.handLabelled?.rightShare).toBeGreaterThanOrEqual(0.87);
    expect(report.handLabelled?.mislabelled).toBeLessThanOrEqual(2);
    expect(report.bothSidesShare).toBeGreaterThanOrEqual(0.16);
    expect(report.everySideCitedShare).toBeGreaterThanOrEqual(0.87);
    expect(report.factual).toBe(20);
    expect(report.invented).toBe(0);
    // Nor does a factual answer quote each side's claim after its closest passages ("Will the
    // DMHC watch access to care?" names only the regulator: it is about the regulator).
    const withClaims = report.results.filter(
      (r) => r.kind === 'factual' && (r.layout === 'both-sides' || r.layout === 'sides-after'),
    );
    expect(withClaims.map((r) => r.id)).toEqual([]);
  });

  /** A held-out set scored over the seeds plus its own articles, with both sets' hand labels. */
  async function heldOut(folder: string) {
    const documents = [
      ...(await loadKnowledge(join(root, 'knowledge'))),
      ...(await loadKnowledge(join(root, folder, 'knowledge'))),
    ];
    const labels = new Map([
      ...parseHandLabels(
        readFileSync(join(root, 'test/core/answer/fixtures/seed-speakers.json'), 'utf8'),
        'seed-speakers.json',
      ),
      ...parseHandLabels(
        readFileSync(join(root, folder, 'speakers.json'), 'utf8'),
        'speakers.json',
      ),
    ]);
    return scoreSides(
      createStrikebotEngine(documents),
      readSet(`${folder}/contested.jsonl`),
      labels,
    );
  }

  it('held out, test/eval/unseen/contested.jsonl with the unseen articles added: 1 of 10 with the claims asked for, 9 with each side (by the hand labels too), no invented side', async () => {
    const report = await heldOut('test/eval/unseen');
    expect(report.contested).toBe(10);
    expect(report.handLabelled?.rightShare).toBeGreaterThanOrEqual(0.89);
    expect(report.handLabelled?.mislabelled).toBeLessThanOrEqual(2);
    expect(report.bothSidesShare).toBeGreaterThanOrEqual(0.09);
    expect(report.everySideCitedShare).toBeGreaterThanOrEqual(0.85);
    expect(report.invented).toBe(0);
  });

  it('held out, test/eval/unseen2/contested.jsonl (written blind) with its articles added: 1 of 13 with the claims asked for, 11 with each side (by the hand labels too), none of 12 factual set out as one', async () => {
    const report = await heldOut('test/eval/unseen2');
    expect(report.contested).toBe(13);
    expect(report.handLabelled?.rightShare).toBeGreaterThanOrEqual(0.84);
    expect(report.handLabelled?.mislabelled).toBe(0);
    expect(report.bothSidesShare).toBeGreaterThanOrEqual(0.07);
    expect(report.everySideCitedShare).toBeGreaterThanOrEqual(0.84);
    expect(report.factual).toBe(12);
    expect(report.invented).toBe(0);
  });
});
