/**
 * Model fitting: a listwise softmax ranker (each question's candidates compete; the answer
 * sentences should win) and logistic regression, both with L2 regularisation and full-batch Adam
 * on standardised features. Deterministic: no randomness, fixed iterations, so the same data
 * give the same weights to the last bit on one machine.
 */

/** One question's candidates for the ranker: feature vectors and which answer it. */
export interface RankingGroup {
  vectors: readonly (readonly number[])[];
  positive: readonly boolean[];
}

/** One example for logistic regression. */
export interface LabelledExample {
  vector: readonly number[];
  label: boolean;
  /** How much the example counts (default 1). */
  weight?: number;
}

/** Fitted weights on the raw feature scale, and a bias. */
export interface FittedLinear {
  weights: number[];
  bias: number;
}

/** Settings of the optimiser. */
export interface FitOptions {
  /** L2 penalty on the standardised weights (per example). */
  l2: number;
  iterations: number;
  learningRate: number;
}

/** Defaults for {@link FitOptions}. */
export const defaultFitOptions: FitOptions = { l2: 0.01, iterations: 1500, learningRate: 0.05 };

/** Mean and standard deviation of each column (deviation 1 for constant columns). */
function standardiser(rows: readonly (readonly number[])[], width: number) {
  const mean = new Array<number>(width).fill(0);
  const sd = new Array<number>(width).fill(0);
  for (const row of rows)
    for (let j = 0; j < width; j++) mean[j] = (mean[j] as number) + (row[j] ?? 0);
  for (let j = 0; j < width; j++) mean[j] = (mean[j] as number) / Math.max(1, rows.length);
  for (const row of rows) {
    for (let j = 0; j < width; j++)
      sd[j] = (sd[j] as number) + ((row[j] ?? 0) - (mean[j] as number)) ** 2;
  }
  for (let j = 0; j < width; j++) {
    const s = Math.sqrt((sd[j] as number) / Math.max(1, rows.length));
    sd[j] = s > 1e-9 ? s : 1;
  }
  return {
    mean,
    sd,
    apply: (row: readonly number[]) =>
      row.map((x, j) => (x - (mean[j] as number)) / (sd[j] as number)),
  };
}

/** Adam on a loss whose gradient `gradient(w)` fills (returns) for the parameter vector. */
function adam(size: number, options: FitOptions, gradient: (w: number[]) => number[]): number[] {
  const w = new Array<number>(size).fill(0);
  const m = new Array<number>(size).fill(0);
  const v = new Array<number>(size).fill(0);
  const b1 = 0.9;
  const b2 = 0.999;
  for (let t = 1; t <= options.iterations; t++) {
    const g = gradient(w);
    for (let j = 0; j < size; j++) {
      const gj = g[j] as number;
      m[j] = b1 * (m[j] as number) + (1 - b1) * gj;
      v[j] = b2 * (v[j] as number) + (1 - b2) * gj * gj;
      const mh = (m[j] as number) / (1 - b1 ** t);
      const vh = (v[j] as number) / (1 - b2 ** t);
      w[j] = (w[j] as number) - (options.learningRate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return w;
}

/** Converts weights fitted on standardised features back to the raw scale. */
function unstandardise(
  w: readonly number[],
  bias: number,
  mean: readonly number[],
  sd: readonly number[],
): FittedLinear {
  const weights = w.map((x, j) => x / (sd[j] as number));
  const shift = weights.reduce((sum, x, j) => sum + x * (mean[j] as number), 0);
  return { weights, bias: bias - shift };
}

/**
 * Fits a listwise softmax ranker: maximises, per question, the log of the softmax probability
 * mass on its answer sentences. Questions with no answer among their candidates are skipped.
 *
 * @example
 * fitRanker([{ vectors: [[1], [0]], positive: [true, false] }]).weights[0] > 0 // => true
 */
export function fitRanker(
  groups: readonly RankingGroup[],
  options: Partial<FitOptions> = {},
): FittedLinear {
  const settings = { ...defaultFitOptions, ...options };
  const usable = groups.filter((g) => g.positive.some(Boolean) && g.positive.some((p) => !p));
  const width = usable[0]?.vectors[0]?.length ?? groups[0]?.vectors[0]?.length ?? 0;
  const scale = standardiser(
    usable.flatMap((g) => g.vectors),
    width,
  );
  const data = usable.map((g) => ({ rows: g.vectors.map(scale.apply), positive: g.positive }));
  const w = adam(width, settings, (w) => {
    const grad = w.map((x) => 2 * settings.l2 * x);
    for (const { rows, positive } of data) {
      const scores = rows.map((r) => r.reduce((s, x, j) => s + x * (w[j] as number), 0));
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const total = exps.reduce((a, b) => a + b, 0);
      const p = exps.map((e) => e / total);
      const posMass = p.reduce((s, x, i) => (positive[i] ? s + x : s), 0);
      rows.forEach((row, i) => {
        const target = positive[i] ? (p[i] as number) / posMass : 0;
        const diff = ((p[i] as number) - target) / data.length;
        for (let j = 0; j < width; j++) grad[j] = (grad[j] as number) + diff * (row[j] as number);
      });
    }
    return grad;
  });
  // A constant added to every candidate's score changes no softmax: the ranker has no bias.
  return { weights: unstandardise(w, 0, scale.mean, scale.sd).weights, bias: 0 };
}

/**
 * Fits logistic regression (weighted examples).
 *
 * @example
 * fitLogistic([{ vector: [1], label: true }, { vector: [0], label: false }]).weights[0] > 0 // => true
 */
export function fitLogistic(
  examples: readonly LabelledExample[],
  options: Partial<FitOptions> = {},
): FittedLinear {
  const settings = { ...defaultFitOptions, ...options };
  const width = examples[0]?.vector.length ?? 0;
  const scale = standardiser(
    examples.map((e) => e.vector),
    width,
  );
  const rows = examples.map((e) => ({
    x: scale.apply(e.vector),
    y: e.label ? 1 : 0,
    weight: e.weight ?? 1,
  }));
  const totalWeight = rows.reduce((s, r) => s + r.weight, 0) || 1;
  // Parameters: weights, then the bias (not penalised).
  const params = adam(width + 1, settings, (w) => {
    const grad = w.map((x, j) => (j < width ? 2 * settings.l2 * x : 0));
    for (const { x, y, weight } of rows) {
      const z = x.reduce((s, v, j) => s + v * (w[j] as number), w[width] as number);
      const diff = ((1 / (1 + Math.exp(-z)) - y) * weight) / totalWeight;
      for (let j = 0; j < width; j++) grad[j] = (grad[j] as number) + diff * (x[j] as number);
      grad[width] = (grad[width] as number) + diff;
    }
    return grad;
  });
  return unstandardise(params.slice(0, width), params[width] as number, scale.mean, scale.sd);
}
