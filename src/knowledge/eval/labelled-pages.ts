/**
 * Labelled pages for measuring clutter removal: each line of a file starts with `+ ` (article
 * text) or `- ` (page clutter); blank lines are blank. Scoring runs the whole loader
 * (`parseKnowledgeFile`: derived title, named rules, line classifier) on the unlabelled text.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CLUTTER_MODEL, type ClutterModel } from '../clutter-model.ts';
import { CLUTTER_RULES } from '../clutter-rules.ts';
import { parseKnowledgeFile } from '../parse-document.ts';
import type { LineVerdict } from '../remove-clutter.ts';

/** One labelled page. */
export interface LabelledPage {
  /** File name without folder, e.g. `op-ed.txt`. */
  name: string;
  /** The page as pasted: the lines without their labels. */
  text: string;
  /** Per line: true for clutter, false for article text, undefined for a blank line. */
  clutter: (boolean | undefined)[];
}

/**
 * Parses a labelled page.
 *
 * @throws Error naming the file and line when a non-blank line has no `+ ` or `- ` label.
 */
function parseLabelledPage(name: string, content: string): LabelledPage {
  const lines = content.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const clutter: (boolean | undefined)[] = [];
  const text = lines.map((line, i) => {
    if (line.trim() === '') {
      clutter.push(undefined);
      return '';
    }
    const label = line.slice(0, 2);
    if (label !== '+ ' && label !== '- ') {
      throw new Error(`${name}:${i + 1}: a labelled line starts with "+ " or "- "`);
    }
    clutter.push(label === '- ');
    return line.slice(2);
  });
  return { name, text: text.join('\n'), clutter };
}

/** Reads every `.txt` labelled page of a folder, sorted by name. */
export async function readLabelledPages(dir: string): Promise<LabelledPage[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(
    names.map(async (name) => parseLabelledPage(name, await readFile(join(dir, name), 'utf8'))),
  );
}

/** Counts of dropped lines against the labels. */
export interface DropCounts {
  /** Clutter lines dropped. */
  truePositives: number;
  /** Article lines dropped. */
  falsePositives: number;
  /** Clutter lines kept. */
  falseNegatives: number;
  /** Article lines kept. */
  trueNegatives: number;
}

/** A line the cleaner got wrong. */
export interface Mistake {
  page: string;
  line: number;
  text: string;
  /** `dropped article text` or `kept clutter`. */
  kind: 'dropped article text' | 'kept clutter';
  rule?: string;
}

/** The outcome of cleaning labelled pages. */
export interface PageScore extends DropCounts {
  precision: number;
  recall: number;
  mistakes: Mistake[];
}

/** The loader's verdicts for a labelled page (as if it were `<name>` in the knowledge folder). */
export function cleanLabelledPage(page: LabelledPage, model: ClutterModel | null): LineVerdict[] {
  return parseKnowledgeFile(basename(page.name), page.text, CLUTTER_RULES, model).lines;
}

/**
 * Precision and recall of the dropped lines over `pages`, with every mistake. `model` is the
 * classifier for every page (`null`: named rules only), or a function giving each page its own
 * (cross-validation).
 */
export function scorePages(
  pages: readonly LabelledPage[],
  model:
    | ClutterModel
    | null
    | ((page: LabelledPage, index: number) => ClutterModel | null) = CLUTTER_MODEL,
): PageScore {
  const score: PageScore = {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    trueNegatives: 0,
    precision: 0,
    recall: 0,
    mistakes: [],
  };
  for (const [index, page] of pages.entries()) {
    const pageModel = typeof model === 'function' ? model(page, index) : model;
    for (const verdict of cleanLabelledPage(page, pageModel)) {
      const clutter = page.clutter[verdict.line - 1];
      if (clutter === undefined) continue;
      const dropped = verdict.dropped !== undefined;
      if (clutter && dropped) score.truePositives++;
      else if (!clutter && dropped) score.falsePositives++;
      else if (clutter) score.falseNegatives++;
      else score.trueNegatives++;
      if (clutter !== dropped) {
        score.mistakes.push({
          page: page.name,
          line: verdict.line,
          text: verdict.text,
          kind: dropped ? 'dropped article text' : 'kept clutter',
          ...(verdict.dropped ? { rule: verdict.dropped.rule } : {}),
        });
      }
    }
  }
  score.precision = ratio(score.truePositives, score.truePositives + score.falsePositives);
  score.recall = ratio(score.truePositives, score.truePositives + score.falseNegatives);
  return score;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
