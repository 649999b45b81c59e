import { describe, expect, it } from 'vitest';
import { loadConfig, questionLogFile } from '../src/config.ts';

describe('loadConfig, the question log settings', () => {
  it('keeps the log in .data/strikebot.db for 90 days by default', () => {
    const config = loadConfig({});
    expect([config.DATA_DIR, config.QUESTION_LOG, config.QUESTION_LOG_RETENTION_DAYS]).toEqual([
      '.data',
      'on',
      90,
    ]);
    expect(questionLogFile(config)).toBe('.data/strikebot.db');
  });

  it('reads DATA_DIR, QUESTION_LOG=off (any case) and the retention', () => {
    const config = loadConfig({
      DATA_DIR: '/var/lib/strikebot',
      QUESTION_LOG: 'OFF',
      QUESTION_LOG_RETENTION_DAYS: '30',
    });
    expect([
      questionLogFile(config),
      config.QUESTION_LOG,
      config.QUESTION_LOG_RETENTION_DAYS,
    ]).toEqual(['/var/lib/strikebot/strikebot.db', 'off', 30]);
  });

  it('names each malformed variable', () => {
    expect(() => loadConfig({ QUESTION_LOG: 'maybe', QUESTION_LOG_RETENTION_DAYS: '-3' })).toThrow(
      'Invalid configuration (see .env.example):\n  QUESTION_LOG: must be "on" or "off"\n  QUESTION_LOG_RETENTION_DAYS: Too small: expected number to be >0',
    );
  });
});

describe('loadConfig, hot reload', () => {
  it('follows the knowledge folder unless KNOWLEDGE_WATCH is off (any case)', () => {
    expect(loadConfig({}).KNOWLEDGE_WATCH).toBe('on');
    expect(loadConfig({ KNOWLEDGE_WATCH: '' }).KNOWLEDGE_WATCH).toBe('on');
    expect(loadConfig({ KNOWLEDGE_WATCH: ' Off ' }).KNOWLEDGE_WATCH).toBe('off');
  });

  it('names KNOWLEDGE_WATCH when it is neither on nor off', () => {
    expect(() => loadConfig({ KNOWLEDGE_WATCH: 'no' })).toThrow(
      'Invalid configuration (see .env.example):\n  KNOWLEDGE_WATCH: must be "on" or "off"',
    );
  });
});
