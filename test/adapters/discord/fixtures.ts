/**
 * Inline documents for the Discord adapter tests (sentences copied verbatim from `knowledge/`),
 * a logger that records its lines, and the engine built over them.
 */
import type { BotEngine } from '../../../src/bot/pipeline.ts';
import type { SourceDocument } from '../../../src/core/types.ts';
import { createStrikebotEngine } from '../../../src/domain/engine.ts';
import type { Logger } from '../../../src/logger.ts';
import { type EngineCall, recordingEngine } from '../../fixtures/recording-engine.ts';

/** The sentence the Southern California question must quote. */
export const SOCAL_SNIPPET_START =
  'Nearly 2,400 mental health workers at Kaiser Permanente facilities';

/** Three short documents: the 2024 Southern California strike, its staffing ratios, the 2022 call-off. */
export const documents: SourceDocument[] = [
  {
    id: 'socal-strike',
    title:
      'Thousands of Kaiser Permanente mental health workers are going on strike across Southern California',
    publisher: 'CBS Los Angeles',
    date: '2024-10-14',
    url: 'https://example.org/socal-strike',
    body: [
      'Nearly 2,400 mental health workers at Kaiser Permanente facilities went on strike Monday over contract talks and accusations of a “broken” health care system.',
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
    body: [
      'The union representing 4,000 mental health clinicians statewide at Kaiser Permanente announced Sunday that its membership voted to call off the open-ended strike they planned to start Tuesday, saying they had made progress at the bargaining table.',
    ].join('\n'),
  },
];

/** One logged line, as the recording logger keeps it. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

/** A logger that keeps every line in `lines`. */
export function createRecordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (message: string, fields?: Record<string, unknown>) =>
    lines.push({ level, message, ...(fields ? { fields } : {}) });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export type { EngineCall } from '../../fixtures/recording-engine.ts';

/** The real engine over {@link documents}, recording each question and the history passed. */
export function createTestEngine(): BotEngine & { calls: EngineCall[] } {
  return recordingEngine(createStrikebotEngine(documents));
}
