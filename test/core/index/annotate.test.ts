import { describe, expect, it } from 'vitest';
import {
  annotateSentence,
  EVIDENCE_KINDS,
  type EvidenceKind,
} from '../../../src/core/index/annotate.ts';

/** The kinds of answer annotateSentence finds, with their level (1 weak, 2 clear). */
function kinds(sentence: string): Partial<Record<EvidenceKind, number>> {
  const levels = annotateSentence(sentence);
  const out: Partial<Record<EvidenceKind, number>> = {};
  EVIDENCE_KINDS.forEach((kind, i) => {
    if (levels[i]) out[kind] = levels[i];
  });
  return out;
}

describe('annotateSentence', () => {
  it('finds numbers, money, dates and durations', () => {
    expect(kinds('The town spent $4 million on the bridge in 1998 for three years.')).toEqual({
      number: 2,
      money: 2,
      date: 2,
      duration: 2,
    });
    // "over" is a weak cue of a reason ("strike over pay").
    expect(kinds('They fought over the bridge.')).toEqual({ reason: 1 });
  });

  it('finds clock times and street addresses', () => {
    expect(kinds('Doors open at 9 a.m. at 120 Harbor Road.')).toMatchObject({
      time: 2,
      place: 2,
    });
  });

  it('tells a named speaker from a bare name', () => {
    expect(kinds('“We will rebuild,” Mayor Lena Ortiz said.')).toMatchObject({
      person: 2,
      quote: 2,
    });
    expect(kinds('The prize went to Lena Ortiz last spring.')).toMatchObject({
      person: 1,
      date: 1,
    });
  });

  it('finds reasons, lists and definitions', () => {
    expect(kinds('The bridge closed because the river rose.')).toMatchObject({ reason: 2 });
    expect(kinds('Bring water, a map, and a torch.')).toMatchObject({ list: 2 });
    expect(kinds('We will visit these towns:')).toMatchObject({ list: 2 });
    expect(kinds('A levee is an embankment that holds back water.')).toMatchObject({
      definition: 2,
    });
    // A name spelt out before its abbreviation defines the abbreviation.
    expect(kinds('The State Health Board (SHB) fined the clinic.')).toEqual({
      person: 1,
      organization: 2,
      definition: 2,
    });
    expect(kinds('The strike (NUHW says) ended.')).toEqual({ organization: 2, quote: 1 });
  });

  it('reads no reason into words of one kind of news (demands, protests)', () => {
    // Cues must hold for any text: "demanding" or "protest" says a march happened, not why.
    expect(kinds('Farmers drove tractors downtown demanding lower diesel taxes.')).toEqual({});
    expect(kinds('The protest ended at noon.')).toEqual({ time: 1 });
    expect(kinds('The mill shut amid the drought.')).toEqual({ reason: 1 });
  });

  it('finds nothing in a plain sentence', () => {
    expect(kinds('it rained.')).toEqual({});
  });
});
