/**
 * The port through which the pipeline tells a person what it is doing (ports and adapters, STYLE
 * §14): the CLI writes to stderr with progress bars, a web app to its page, tests to nothing.
 */

/** Options of {@link Reporter.progress}. */
export interface ProgressOptions {
  /**
   * When progress goes to a log rather than a live display (stderr not a TTY): print a line each
   * time this fraction of the total is done (default 0.1). 0 prints none, for callers that report
   * the outcome themselves (training prints one line per epoch).
   */
  readonly logEvery?: number;
}

/** A running progress display with rate and ETA. */
export interface Progress {
  /** `done` of the total are finished; `fields` are extra values to show (loss, patterns/s…). */
  update(done: number, fields?: Record<string, string | number>): void;
  setTotal(total: number): void;
  stop(): void;
}

/** Where the pipeline's human-readable output goes. */
export interface Reporter {
  /** A line of information. */
  info(line: string): void;
  /** A warning: data that parse but look wrong, with what to do. */
  warn(line: string): void;
  /** A progress display for `total` units of `unit`. */
  progress(label: string, total: number, unit: string, options?: ProgressOptions): Progress;
}
