/**
 * Inline documents for the Slack adapter tests (sentences copied verbatim from `knowledge/`) and
 * the real engine built over them, wrapped to record what the adapter asked.
 */
import type { BotEngine } from '../../../src/bot/pipeline.ts';
import type { SourceDocument } from '../../../src/core/types.ts';
import { createStrikebotEngine } from '../../../src/domain/engine.ts';
import { type EngineCall, recordingEngine } from '../../fixtures/recording-engine.ts';

/** The sentence the Southern California question must quote. */
export const SOCAL_SNIPPET =
  'Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday over contract talks and accusations of a “broken” health care system.';

/** The 2024 Southern California strike (with a URL, publisher and date) and the 2022 call-off. */
export const documents: SourceDocument[] = [
  {
    id: 'socal-strike',
    title:
      'Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
    publisher: 'CBS Los Angeles',
    date: '2024-10-14',
    url: 'https://example.org/socal-strike?a=1&b=2',
    body: [
      SOCAL_SNIPPET,
      '',
      'The union’s contract with Kaiser expired on September 30.',
      '',
      'However, the union says shortages are still persistent in Southern California, highlighting that Kaiser has about one therapist for every 3,000 Kaiser members, compared to one for every 2,000 in Northern California.',
    ].join('\n'),
  },
  {
    id: 'norcal-call-off',
    title: '4,000 Kaiser mental health clinicians call off open-ended strike set to start Tuesday',
    publisher: 'The Sacramento Bee',
    body: 'The union representing 4,000 mental health clinicians statewide at Kaiser Permanente announced Sunday that its membership voted to call off the open-ended strike they planned to start Tuesday, saying they had made progress at the bargaining table.',
  },
];

export type { EngineCall } from '../../fixtures/recording-engine.ts';

/** The real engine over {@link documents}, recording each question and the history passed. */
export function createTestEngine(): BotEngine & { calls: EngineCall[] } {
  return recordingEngine(createStrikebotEngine(documents));
}
