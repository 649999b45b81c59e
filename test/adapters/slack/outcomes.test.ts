import { describe, expect, it } from 'vitest';
import { renderSlackReply } from '../../../src/adapters/slack/format.ts';
import { confidentAnswer, notFoundAnswer, unsureAnswer } from '../../fixtures/outcomes.ts';

const section = (text: string) => ({
  type: 'section',
  text: { type: 'mrkdwn', text, verbatim: true },
});
const buttons = (id: string, context: boolean) => ({
  type: 'actions',
  block_id: `strikebot:feedback:${id}`,
  elements: [
    {
      type: 'button',
      text: { type: 'plain_text', text: 'Helpful' },
      action_id: `strikebot:helpful:${id}`,
      value: id,
    },
    {
      type: 'button',
      text: { type: 'plain_text', text: 'Not helpful' },
      action_id: `strikebot:not-helpful:${id}`,
      value: id,
    },
    ...(context
      ? [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Show context' },
            action_id: `strikebot:context:${id}`,
            value: id,
          },
        ]
      : []),
  ],
});

describe('renderSlackReply, the three outcomes', () => {
  it('renders a confident answer, its quoted sources and the buttons', () => {
    expect(
      renderSlackReply({ kind: 'answer', answer: confidentAnswer, asked: 'x', answerId: 'a1' }),
    ).toEqual({
      text: 'Pickets start at 6 a.m. [1]\n\n[1] Picket lines return (Valley Ledger, 2024-10-21)',
      blocks: [
        section('Pickets start at 6 a.m. [1]'),
        { type: 'divider' },
        section(
          '*[1]* Reporter (Valley Ledger): Pickets start at 6 a.m. at every clinic.\n— Picket lines return, Valley Ledger, 2024-10-21',
        ),
        buttons('a1', true),
      ],
    });
  });

  it('opens closest passages by saying it is not sure, then quotes them, buttons included', () => {
    expect(
      renderSlackReply({ kind: 'answer', answer: unsureAnswer, asked: 'x', answerId: 'a2' }),
    ).toEqual({
      text: "I'm not sure the documents answer this exactly; these passages come closest:\n\n[1] Picket lines return (Valley Ledger, 2024-10-21)\n[2] Strike notice (undated)",
      blocks: [
        section("I'm not sure the documents answer this exactly; these passages come closest:"),
        { type: 'divider' },
        section(
          '*[1]* Reporter (Valley Ledger): Pickets start at 6 a.m. at every clinic.\n— Picket lines return, Valley Ledger, 2024-10-21',
        ),
        section(
          '*[2]* Guild, Dana Ortiz: “Organisers asked members to arrive early.”\n— <https://example.org/notice|Strike notice>, undated',
        ),
        buttons('a2', true),
      ],
    });
  });

  it('names the events of closest passages told one per event', () => {
    const answer = { ...unsureAnswer, layout: 'by-event' as const, eventYears: [2024, 2019] };
    const reply = renderSlackReply({ kind: 'answer', answer, asked: 'x', answerId: 'a4' });
    expect(reply.blocks?.[0]).toEqual(
      section(
        "I'm not sure the documents answer this exactly; these passages come closest, one per event (2024, 2019), newest first:",
      ),
    );
  });

  it('says how recent the newest of closest passages put newest first is', () => {
    const answer = { ...unsureAnswer, layout: 'newest-first' as const };
    const reply = renderSlackReply({ kind: 'answer', answer, asked: 'x', answerId: 'a6' });
    expect(reply.blocks?.[0]).toEqual(
      section(
        "I'm not sure the documents answer this exactly; these passages come closest, the newest documents first (the newest is from October 21, 2024):",
      ),
    );
  });

  it('names the question’s words no document mentions', () => {
    const answer = { ...unsureAnswer, unmentioned: ['parking'] };
    const reply = renderSlackReply({ kind: 'answer', answer, asked: 'x', answerId: 'a7' });
    expect(reply.blocks?.[0]).toEqual(
      section(
        "I'm not sure the documents answer this exactly: none of them mentions “parking”. These passages come closest:",
      ),
    );
  });

  it('says a side’s claim follows the closest passages', () => {
    const answer = { ...unsureAnswer, layout: 'sides-after' as const };
    const reply = renderSlackReply({ kind: 'answer', answer, asked: 'x', answerId: 'a5' });
    expect(reply.blocks?.[0]).toEqual(
      section(
        "I'm not sure the documents answer this exactly; these passages come closest, then each side's nearest claim, labelled:",
      ),
    );
  });

  it('renders not found as its text alone, with no sources and no Show context', () => {
    expect(
      renderSlackReply({ kind: 'answer', answer: notFoundAnswer, asked: 'x', answerId: 'a3' }),
    ).toEqual({
      text: "I couldn't find that in the documents. They cover the dispute from 2018 to 2024.",
      blocks: [
        section("I couldn't find that in the documents. They cover the dispute from 2018 to 2024."),
        buttons('a3', false),
      ],
    });
  });

  it('keeps an answer with the buttons under Slack’s 50 blocks', () => {
    const many = Array.from(
      { length: 60 },
      (_, i) =>
        ({ ...confidentAnswer.citations[0], n: i + 1 }) as (typeof confidentAnswer.citations)[0],
    );
    const { blocks } = renderSlackReply({
      kind: 'answer',
      answer: { ...confidentAnswer, citations: many },
      asked: 'x',
      answerId: 'a4',
    });
    expect(blocks).toHaveLength(49);
    expect(blocks.at(-1)?.type).toBe('actions');
  });
});
