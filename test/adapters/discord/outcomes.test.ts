import { describe, expect, it } from 'vitest';
import { renderDiscordReply } from '../../../src/adapters/discord/format.ts';
import { confidentAnswer, notFoundAnswer, unsureAnswer } from '../../fixtures/outcomes.ts';

const noPings = { parse: [], repliedUser: false };
const row = (id: string, context: boolean) => [
  {
    type: 1,
    components: [
      { type: 2, style: 2, label: 'Helpful', custom_id: `strikebot:helpful:${id}` },
      { type: 2, style: 2, label: 'Not helpful', custom_id: `strikebot:not-helpful:${id}` },
      ...(context
        ? [{ type: 2, style: 2, label: 'Show context', custom_id: `strikebot:context:${id}` }]
        : []),
    ],
  },
];

describe('renderDiscordReply, the three outcomes', () => {
  it('renders a confident answer as a green embed with its buttons', () => {
    expect(
      renderDiscordReply({
        kind: 'answer',
        answer: confidentAnswer,
        asked: 'When do pickets start?',
        answerId: 'a1',
      }),
    ).toEqual({
      embeds: [
        {
          color: 0x2f6f4f,
          title: 'When do pickets start?',
          description: 'Pickets start at 6 a.m. [1]',
          fields: [
            {
              name: '[1] Picket lines return',
              value:
                '> Reporter (Valley Ledger): Pickets start at 6 a.m. at every clinic.\n— Valley Ledger, 2024-10-21',
            },
          ],
        },
      ],
      allowedMentions: noPings,
      components: row('a1', true),
    });
  });

  it('names the events of closest passages told one per event', () => {
    const answer = { ...unsureAnswer, layout: 'by-event' as const, eventYears: [2024, 2019] };
    const reply = renderDiscordReply({ kind: 'answer', answer, asked: 'x', answerId: 'a4' });
    expect(reply.embeds?.[0]?.description).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, one per event (2024, 2019), newest first:",
    );
  });

  it('says how recent the newest of closest passages put newest first is', () => {
    const answer = { ...unsureAnswer, layout: 'newest-first' as const };
    const reply = renderDiscordReply({ kind: 'answer', answer, asked: 'x', answerId: 'a6' });
    expect(reply.embeds?.[0]?.description).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, the newest documents first (the newest is from October 21, 2024):",
    );
  });

  it('names the question’s words no document mentions', () => {
    const answer = { ...unsureAnswer, unmentioned: ['parking'] };
    const reply = renderDiscordReply({ kind: 'answer', answer, asked: 'x', answerId: 'a7' });
    expect(reply.embeds?.[0]?.description).toBe(
      "I'm not sure the documents answer this exactly: none of them mentions “parking”. These passages come closest:",
    );
  });

  it('says a side’s claim follows the closest passages', () => {
    const answer = { ...unsureAnswer, layout: 'sides-after' as const };
    const reply = renderDiscordReply({ kind: 'answer', answer, asked: 'x', answerId: 'a5' });
    expect(reply.embeds?.[0]?.description).toBe(
      "I'm not sure the documents answer this exactly; these passages come closest, then each side's nearest claim, labelled:",
    );
  });

  it('renders closest passages as an amber embed that says it is not sure, buttons included', () => {
    expect(
      renderDiscordReply({
        kind: 'answer',
        answer: unsureAnswer,
        asked: 'Do pickets start early?',
        answerId: 'a2',
      }),
    ).toEqual({
      embeds: [
        {
          color: 0xb7791f,
          title: 'Do pickets start early?',
          description:
            "I'm not sure the documents answer this exactly; these passages come closest:",
          fields: [
            {
              name: '[1] Picket lines return',
              value:
                '> Reporter (Valley Ledger): Pickets start at 6 a.m. at every clinic.\n— Valley Ledger, 2024-10-21',
            },
            {
              name: '[2] Strike notice',
              value:
                '> Guild, Dana Ortiz: “Organisers asked members to arrive early.”\n— undated · [Read the source](https://example.org/notice)',
            },
          ],
        },
      ],
      allowedMentions: noPings,
      components: row('a2', true),
    });
  });

  it('renders not found as its text alone, with no sources and no Show context', () => {
    expect(
      renderDiscordReply({
        kind: 'answer',
        answer: notFoundAnswer,
        asked: 'Who won the match?',
        answerId: 'a3',
      }),
    ).toEqual({
      content: "I couldn't find that in the documents. They cover the dispute from 2018 to 2024.",
      embeds: [],
      allowedMentions: noPings,
      components: row('a3', false),
    });
  });

  it('renders a refused question without buttons', () => {
    const refused = {
      question: '',
      answered: false,
      reason: 'empty' as const,
      text: 'Please ask a question.',
      citations: [],
    };
    expect(
      renderDiscordReply({ kind: 'answer', answer: refused, asked: '', answerId: 'a4' }),
    ).toEqual({
      content: 'Please ask a question.',
      embeds: [],
      allowedMentions: noPings,
    });
  });
});
