/**
 * What the engine knows about one domain, handed to `createEngine` as data: the core itself knows
 * no corpus. A profile names the subject (for "not found" replies and greetings), the domain's
 * abbreviations (which match as fully as the words they stand for) and synonym groups. Everything
 * is optional: an empty profile gives a working, domain-neutral engine.
 */
export interface DomainProfile {
  /** What the documents are about, as a noun phrase ("the Rhine"). Default "the documents' subject". */
  subject?: string;
  /** A question the documents answer, offered as an example to people who ask nothing. */
  exampleQuestion?: string;
  /** Short form and long form, matched both ways as the same words ("NYC" and "New York City"). */
  abbreviations?: Readonly<Record<string, string>>;
}

/** The profile of a domain-neutral engine. */
export const emptyProfile: DomainProfile = {};
