/**
 * What a platform adapter hands the bot layer: one message, command or button click, already
 * translated out of the platform's own event shapes.
 */

/** The surfaces strikebot talks on. */
export type Platform = 'discord' | 'slack' | 'console';

/**
 * How a message reached the bot: a slash command, a mention in a channel, a message in a thread
 * the bot takes part in, a direct message, or a click on one of the buttons under an answer.
 */
export type Via = 'command' | 'mention' | 'thread' | 'dm' | 'button';

/** A click on a button under an answer. */
export type FeedbackAction =
  | { kind: 'vote'; answerId: string; vote: 'helpful' | 'not-helpful' }
  | { kind: 'context'; answerId: string };

/** A request for the list of sources (`/sources`, `/ask sources`, `:sources`), at a page (from 1). */
export interface SourcesCommand {
  kind: 'sources';
  page: number;
}

/** A request for the dated events (`/timeline`, `/ask timeline`, `:timeline`). */
export interface TimelineCommand {
  kind: 'timeline';
  /**
   * The year or words to keep, in plain words ('' for all), as read out of an ask command or a
   * console line. Default: the message's text.
   */
  query?: string;
}

/** A command other than asking a question. */
export type BotCommand = SourcesCommand | TimelineCommand;

/** One incoming message, command or click. */
export interface Incoming {
  platform: Platform;
  /**
   * The platform's id of this delivery (interaction id, message id, `event_id`, `trigger_id`):
   * logged as `requestId` with everything the bot does for it.
   */
  id: string;
  /**
   * Keys that identify the same message however often the platform delivers it (for example a
   * Slack `event_id` and `channel:ts`); a message whose key was seen before is dropped. Default:
   * `[id]`.
   */
  dedupeKeys?: readonly string[];
  /** The platform's id of the person (never stored: the question log keeps a keyed hash). */
  userId: string;
  /** True when the author is a bot or the bot itself: such messages are ignored. */
  fromBot?: boolean;
  /**
   * The thread the message belongs to, when the bot takes part in it (earlier questions there
   * give context); undefined for a fresh question.
   */
  conversation?: string;
  via: Via;
  /** The message text with the platform's mention markup turned into words (what people see). */
  text: string;
  /** Set for button clicks. */
  action?: FeedbackAction;
  /**
   * A command other than asking: the list of sources (Discord and Slack `/sources`, the console's
   * `:sources`) or the dated events (`/timeline`, `:timeline`). An ask command whose text is
   * `sources [page]` or `timeline [year or words]` is read as one by the bot layer
   * (`ask-command.ts`), so adapters leave this unset for it.
   */
  command?: BotCommand;
}
