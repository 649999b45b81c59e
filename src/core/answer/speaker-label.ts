import type { CitedSpeaker } from '../types.ts';
import { REPORTER, UNKNOWN } from './sides-profile.ts';

/**
 * How a citation's speaker is named to users: the side's label, with the outlet for a news
 * report's own voice ("Reporter (Fresno Courier)") and the person for a named speaker with a role
 * ("Guild (NNG), Jane Doe").
 */

/**
 * The words naming who makes a cited claim.
 *
 * @example
 * describeSpeaker({ side: 'reporter', label: 'Reporter' }, 'The Fresno Courier') // => 'Reporter (The Fresno Courier)'
 * describeSpeaker({ name: 'Jane Doe', role: 'president', side: 'guild', label: 'Guild (NNG)' }) // => 'Guild (NNG), Jane Doe'
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
 * A snippet as a claim of its speaker: `Label: “snippet”` for a side's claim, `Reporter (Outlet):
 * snippet` for a report's own voice, `“snippet”` when nobody is known; no quote marks are added
 * to a snippet that opens with its own. `escapeMarkup` is applied to the speaker's words (a
 * platform's markup escaping; the snippet is passed in already escaped).
 *
 * @example
 * attributeSnippet('The hospital refuses.', { side: 'guild', label: 'Guild (NNG)' }) // => 'Guild (NNG): “The hospital refuses.”'
 */
export function attributeSnippet(
  snippet: string,
  speaker: CitedSpeaker | undefined,
  publisher?: string,
  escapeMarkup: (text: string) => string = (text) => text,
): string {
  const ownQuotes = /^\s*["“‘']/u.test(snippet);
  const quoted = ownQuotes ? snippet : `“${snippet}”`;
  if (!speaker) return quoted;
  const who = escapeMarkup(describeSpeaker(speaker, publisher));
  return speaker.side === REPORTER ? `${who}: ${snippet}` : `${who}: ${quoted}`;
}
