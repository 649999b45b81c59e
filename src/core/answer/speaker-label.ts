import type { CitedSpeaker } from '../types.ts';
import { REPORTER, UNKNOWN } from './sides-profile.ts';

/**
 * How a citation's speaker is named to users: the side's label, with the outlet for a news
 * report's own voice ("Reporter (Sacramento Bee)") and the person for a named speaker with a role
 * ("Union (NUHW), Sal Rosselli").
 */

/**
 * The words naming who makes a cited claim.
 *
 * @example
 * describeSpeaker({ side: 'reporter', label: 'Reporter' }, 'The Sacramento Bee') // => 'Reporter (The Sacramento Bee)'
 * describeSpeaker({ name: 'Sal Rosselli', role: 'president', side: 'union', label: 'Union (NUHW)' }) // => 'Union (NUHW), Sal Rosselli'
 */
export function describeSpeaker(speaker: CitedSpeaker, publisher?: string): string {
  if (speaker.side === REPORTER) {
    return publisher?.trim() ? `${speaker.label} (${publisher.trim()})` : speaker.label;
  }
  if (speaker.side === UNKNOWN) return speaker.name ?? speaker.label;
  // A named person has a role; a group's name ("the union") would only repeat the label.
  return speaker.name && speaker.role ? `${speaker.label}, ${speaker.name}` : speaker.label;
}

/**
 * A snippet as a claim of its speaker: `Label: “snippet”` for a side's claim (without added quote
 * marks when the snippet opens with its own), `Reporter (Outlet): snippet` for a report's own
 * voice, and the bare snippet when nobody is known.
 *
 * @example
 * attributeSnippet('Kaiser refuses.', { side: 'union', label: 'Union (NUHW)' }) // => 'Union (NUHW): “Kaiser refuses.”'
 */
export function attributeSnippet(
  snippet: string,
  speaker: CitedSpeaker | undefined,
  publisher?: string,
): string {
  if (!speaker) return snippet;
  const who = describeSpeaker(speaker, publisher);
  const quoted = speaker.side === REPORTER || /^\s*["“‘']/u.test(snippet);
  return quoted ? `${who}: ${snippet}` : `${who}: “${snippet}”`;
}
