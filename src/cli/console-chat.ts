import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../core/engine.ts';
import { formatTextAnswer } from './format-text.ts';

/** Options for {@link runConsoleChat}. */
export interface ConsoleChatOptions {
  /** Where questions come from, one per line. */
  input: Readable;
  /** Where answers go. */
  output: Writable;
  /** Show a banner and a prompt (for a person at a terminal). Default false. */
  interactive: boolean;
}

/**
 * Answers each line of `input` until it ends. Earlier questions of the session serve as context
 * for short follow-ups, as in a chat thread.
 *
 * @example
 * await runConsoleChat(engine, { input: process.stdin, output: process.stdout, interactive: true });
 */
export async function runConsoleChat(
  engine: Engine,
  { input, output, interactive }: ConsoleChatOptions,
): Promise<void> {
  const lines = createInterface({ input, terminal: false });
  const history: string[] = [];
  const prompt = () => {
    if (interactive) output.write('\n> ');
  };
  if (interactive) {
    output.write(
      `strikebot: ask about the Kaiser Permanente mental health strikes (${engine.documents.length} documents). Ctrl-D to quit.\n`,
    );
  }
  prompt();
  for await (const line of lines) {
    const question = line.trim();
    if (question === '') {
      prompt();
      continue;
    }
    const answer = engine.answer(question, { history });
    if (!interactive) output.write(`Q: ${question}\n`);
    output.write(`${formatTextAnswer(answer)}\n`);
    if (!interactive) output.write('\n');
    if (answer.answered) history.push(question);
    if (history.length > 5) history.shift();
    prompt();
  }
  if (interactive) output.write('\n');
}
