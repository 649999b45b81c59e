import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseConsoleCommand } from '../bot/ask-command.ts';
import { createBot, type EngineSource, type ReplyPort } from '../bot/pipeline.ts';
import { stripTerminalControls } from '../bot/plain-text.ts';
import {
  CONSOLE_SOURCES_COMMAND,
  consoleBanner,
  unknownConsoleCommandText,
} from '../bot/wording.ts';
import type { SourcesList } from '../knowledge/list-sources.ts';
import type { Logger } from '../logger.ts';
import type { QuestionLog } from '../store/question-log.ts';
import { formatConsoleReply } from './format-text.ts';

/** Options for {@link runConsoleChat}. */
export interface ConsoleChatOptions {
  /** The engine answering now, asked for at each question (`() => holder.current()`). */
  engine: EngineSource;
  /** What `:sources` lists now. Default: the current engine's documents, nothing refused. */
  sources?: () => SourcesList;
  /** Where questions come from, one per line. */
  input: Readable;
  /** Where answers go. */
  output: Writable;
  /** Show a banner and a prompt (for a person at a terminal). Default false. */
  interactive: boolean;
  /** Where questions are logged. Default: off. */
  questionLog?: QuestionLog;
  /** Where the bot layer logs (stderr in `npm start`). Default: nowhere. */
  logger?: Logger;
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Answers each line of `input` until it ends, through the same bot layer as Discord and Slack:
 * greetings and help get the short introduction, earlier questions of the session give context
 * to follow-ups as in a chat thread, `:sources` lists the documents, `:timeline [year or words]`
 * lists dated events, and nothing it writes carries terminal control characters.
 *
 * @example
 * await runConsoleChat({
 *   engine: () => holder.current(),
 *   sources: () => listSources(holder.state()),
 *   input: process.stdin,
 *   output: process.stdout,
 *   interactive: true,
 * });
 */
export async function runConsoleChat({
  engine,
  sources,
  input,
  output,
  interactive,
  questionLog,
  logger,
}: ConsoleChatOptions): Promise<void> {
  const bot = createBot({
    platform: 'console',
    engine,
    sources,
    sourcesCommand: CONSOLE_SOURCES_COMMAND,
    logger: logger ?? silent,
    questionLog,
  });
  const write = (text: string) => output.write(stripTerminalControls(text));
  const port: ReplyPort = {
    failedTo: 'could not write the answer',
    async send(reply) {
      write(`${formatConsoleReply(reply)}\n`);
      return undefined;
    },
    async sendPrivately(reply) {
      write(`${formatConsoleReply(reply)}\n`);
    },
    async apologise(text) {
      write(`${text}\n`);
    },
  };
  const lines = createInterface({ input, terminal: false });
  const prompt = () => {
    if (interactive) write('\n> ');
  };
  if (interactive) write(`${consoleBanner(engine().documents.length)}\n`);
  prompt();
  let n = 0;
  for await (const line of lines) {
    const question = line.trim();
    if (question === '') {
      prompt();
      continue;
    }
    n += 1;
    if (!interactive) write(`Q: ${question}\n`);
    // A line starting with ":" is a console command (`:sources`, `:timeline`), never a question.
    const command = parseConsoleCommand(question);
    if (question.startsWith(':') && !command) {
      write(`${unknownConsoleCommandText(question.split(/\s+/)[0] ?? question)}\n`);
    } else {
      await bot.handle(
        {
          platform: 'console',
          id: `console-${n}`,
          userId: 'console',
          // A terminal session is a private conversation: earlier questions give context.
          via: 'dm',
          conversation: 'console',
          text: question,
          ...(command ? { command } : {}),
        },
        port,
      );
    }
    if (!interactive) write('\n');
    prompt();
  }
  if (interactive) write('\n');
}
