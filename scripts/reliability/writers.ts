/**
 * Concurrent applicants: each writer walks the application journey again and again and keeps the
 * references its confirmation pages showed. When the server stops answering, the writer waits
 * until it is back and sends the step again with the same cookie, as a person would; a journey
 * that fails while the server is up and was not killed during it is a failure of its own.
 */
import { applyThroughForms, Browser, type JourneyError, type JourneyFiles } from "./journey";

export type WriterFigures = {
  acknowledged: string[];
  /** Steps a kill cut short and that were sent again after the restart, by step. */
  retriedSteps: Record<string, number>;
  /** Acknowledged journeys that went on across at least one kill. */
  resumedJourneys: number;
  /** Journeys still in progress when the writers were stopped. */
  unfinished: number;
  /** Journeys that failed with the server up: each is a defect, with its step and answer. */
  failures: string[];
};

export type Gate = { up: () => boolean; generation: () => number };

export class Writers {
  private stopping = false;
  private readonly loops: Promise<void>[] = [];
  private readonly browsers: Browser[] = [];
  private counter = 0;
  readonly figures: WriterFigures = { acknowledged: [], retriedSteps: {}, resumedJourneys: 0, unfinished: 0, failures: [] };

  constructor(
    private readonly baseUrl: string,
    private readonly files: JourneyFiles,
    private readonly gate: Gate,
  ) {}

  start(count: number): void {
    for (let i = 0; i < count; i += 1) this.loops.push(this.loop(i));
  }

  /** The steps the writers are on right now (to show where a kill landed). */
  inFlight(): string[] {
    return this.browsers.map((b) => b.step);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  private async untilUp(after: number): Promise<boolean> {
    while (!this.stopping && (!this.gate.up() || this.gate.generation() === after)) await new Promise((r) => setTimeout(r, 20));
    return !this.stopping;
  }

  private async loop(index: number): Promise<void> {
    while (!this.stopping) {
      if (!this.gate.up()) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const browser = new Browser(this.baseUrl);
      this.browsers[index] = browser;
      let generation = this.gate.generation();
      // Only a failure the kill explains is retried: the server down, or restarted since the step began.
      const resume = async (error: JourneyError): Promise<boolean> => {
        const killed = !this.gate.up() || this.gate.generation() !== generation;
        if (!killed && error.kind === "unexpected") return false;
        if (!killed) {
          // Unreachable while up: the kill is being sent right now, or the server is broken.
          await new Promise((r) => setTimeout(r, 50));
          if (this.gate.up() && this.gate.generation() === generation) return false;
        }
        this.figures.retriedSteps[error.step] = (this.figures.retriedSteps[error.step] ?? 0) + 1;
        const back = await this.untilUp(generation);
        generation = this.gate.generation();
        return back;
      };
      try {
        const outcome = await applyThroughForms(browser, this.files, (this.counter += 1), resume);
        this.figures.acknowledged.push(outcome.reference);
        if (outcome.retries > 0) this.figures.resumedJourneys += 1;
      } catch (error) {
        if (this.stopping) {
          this.figures.unfinished += 1;
        } else {
          this.figures.failures.push(error instanceof Error ? error.message : String(error));
          // Not a tight loop on a defect that repeats.
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        browser.step = "idle";
      }
    }
  }
}
