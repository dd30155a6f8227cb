/**
 * Training was interrupted on request (SIGINT, SIGTERM) and stopped cleanly: the checkpoint it
 * saved resumes exactly where it stopped. Not a failure of the run; the CLI exits with 128 + the
 * signal number (130 for SIGINT, 143 for SIGTERM), as a shell does for a signal.
 */
export class TrainingInterruptedError extends Error {
  override readonly name = 'TrainingInterruptedError';
  /** The abort reason (the CLI's: the signal name, e.g. `SIGINT`). */
  readonly reason: string;
  /** Where the checkpoint is. */
  readonly checkpoint: string;

  constructor(reason: string, checkpoint: string, where: string) {
    super(`training interrupted (${reason}) ${where}; checkpoint saved in ${checkpoint}: continue with --resume`);
    this.reason = reason;
    this.checkpoint = checkpoint;
  }
}
