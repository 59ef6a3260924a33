/**
 * A mutation load as the scenarios run it: a warm-up and then the measured seconds of
 * bench/lib/workload.ts, every answer read, so that afterwards the bench knows exactly what the
 * server acknowledged (2xx) and what it refused (and why, from the tRPC error).
 */
import { measureRun, type Measured } from "./measure.ts";
import type { ScenarioContext } from "./suite.ts";
import { readAnswer } from "./trpc-wire.ts";
import { runWorkload, type WorkloadRequest, type WorkloadResult } from "./workload.ts";

export interface WriteLoad {
  measured: Measured;
  acknowledged: number;
  unanswered: number;
  /** "<status> <tRPC code>: <message>" → how many, for the notes. */
  refusals: Map<string, number>;
  /** The requests ran out before the time was up (the measured seconds are then shorter). */
  exhausted: boolean;
}

export async function runWriteLoad<T>(
  context: ScenarioContext,
  label: string,
  next: () => (WorkloadRequest & { tag?: T }) | null,
  onAcknowledged?: (request: WorkloadRequest & { tag?: T }, data: unknown) => void,
  onUnanswered?: (request: WorkloadRequest & { tag?: T }) => void,
): Promise<WriteLoad> {
  const { options, baseUrl, serverPid } = context;
  let acknowledged = 0;
  let unanswered = 0;
  let exhausted = false;
  const refusals = new Map<string, number>();
  const settings = (seconds: number) => ({
    baseUrl,
    connections: options.writeConnections,
    warmupSeconds: 0,
    seconds,
    next,
    onAnswer(request: WorkloadRequest, status: number, body: string) {
      const answer = readAnswer(body);
      if (status >= 200 && status < 300 && answer.ok) {
        acknowledged++;
        onAcknowledged?.(request, answer.data);
      } else {
        const reason = `${status} ${answer.ok ? "" : `${answer.code ?? "?"}: ${answer.message ?? ""}`}`.trim();
        refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
      }
    },
    onNoAnswer(request: WorkloadRequest) {
      unanswered++;
      onUnanswered?.(request);
    },
  });
  const track = (result: WorkloadResult) => {
    exhausted ||= result.exhausted;
    return result;
  };
  const measured = await measureRun(
    label,
    serverPid,
    async () => options.warmupSeconds > 0 && track(await runWorkload(settings(options.warmupSeconds))),
    async () => track(await runWorkload(settings(options.seconds))),
  );
  return { measured, acknowledged, unanswered, refusals, exhausted };
}

/** Notes for a write load: refusals by reason, and running out of prepared requests. */
export function writeLoadNotes(label: string, load: WriteLoad): string[] {
  const notes: string[] = [];
  if (load.refusals.size > 0) {
    const reasons = [...load.refusals].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([reason, count]) => `${count}× ${reason}`);
    notes.push(`${label}: refused requests: ${reasons.join("; ")}.`);
  }
  if (load.exhausted) notes.push(`${label}: the prepared accounts ran out before the time was up; the rate is over the seconds it ran.`);
  return notes;
}
