import type { SidesProfile } from './answer/sides-profile.ts';

/**
 * What the engine knows about one domain, handed to `createEngine` as data: the core itself knows
 * no corpus. A profile names the subject (for "not found" replies and greetings), the domain's
 * abbreviations (which match as fully as the words they stand for) and the sides
 * of the dispute the documents report. Everything is optional: an empty profile gives a working,
 * domain-neutral engine.
 */
export interface DomainProfile {
  /** What the documents are about, as a noun phrase ("the Rhine"). Default "the documents' subject". */
  subject?: string;
  /** A question the documents answer, offered as an example to people who ask nothing. */
  exampleQuestion?: string;
  /** Short form and long form, matched both ways as the same words ("NYC" and "New York City"). */
  abbreviations?: Readonly<Record<string, string>>;
  /**
   * The parties to the dispute and the names the documents give them: citations then say whose
   * claim each quote is, and contested answers quote each side. Without it every citation is the
   * document's own voice.
   */
  sides?: SidesProfile;
}
