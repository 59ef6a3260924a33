/**
 * For router tests: call a procedure that must fail and get what the reader is told — the code,
 * and the message and data the error formatter (server/api/trpc.ts) sends in `locale`.
 */
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import { appRouter } from "@/server/api/root.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";

export interface Refusal {
  code: TRPCError["code"];
  message: string;
  data: { code: string; httpStatus: number; fieldErrors?: Record<string, string> };
}

export async function refusal(run: () => Promise<unknown>, locale: AppLocale = "zh"): Promise<Refusal> {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "mutation",
    path: undefined,
    input: undefined,
    ctx: { locale } as never,
  }) as Omit<Refusal, "code">;
  return { code: error.code, message: shape.message, data: shape.data };
}
