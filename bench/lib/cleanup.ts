/**
 * Everything the bench starts (servers, databases, temporary folders) registers how to undo it
 * here, so that a failure, Ctrl-C or a thrown error anywhere still leaves nothing behind.
 * Undo steps run last-in first-out, each bounded in time.
 */
export interface CleanupStep {
  name: string;
  run(): Promise<void>;
  /** A last resort that must be synchronous (process "exit"): e.g. SIGKILL a process group. */
  runSync?: () => void;
}

const stepTimeoutMs = 20_000;

export class Cleanups {
  private steps: CleanupStep[] = [];
  private running: Promise<void> | null = null;

  /** Registers a step; call the returned function once the thing has been undone normally. */
  add(step: CleanupStep): () => void {
    this.steps.push(step);
    return () => {
      const index = this.steps.indexOf(step);
      if (index !== -1) this.steps.splice(index, 1);
    };
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) {
        const step = this.steps.pop()!;
        await runBounded(step);
      }
    })();
    return this.running;
  }

  /** Ctrl-C and kill run the same cleanup as a normal end; "exit" kills what is still alive. */
  installProcessHandlers(): void {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (signalled) return;
      signalled = true;
      console.error(`\nbench: ${signal}, stopping everything it started…`);
      void this.runAll().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    process.once("SIGHUP", onSignal);
    process.on("exit", () => {
      for (const step of this.steps.reverse()) {
        try {
          step.runSync?.();
        } catch {
          // Nothing more can be done from an exit handler.
        }
      }
    });
  }
}

async function runBounded(step: CleanupStep): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      step.run(),
      new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${stepTimeoutMs / 1000} s`)), stepTimeoutMs);
      }),
    ]);
  } catch (error) {
    console.error(`bench: cleanup "${step.name}" failed: ${(error as Error).message}`);
    try {
      step.runSync?.();
    } catch {
      // Reported above; the exit handler is the last chance.
    }
  } finally {
    clearTimeout(timer);
  }
}
