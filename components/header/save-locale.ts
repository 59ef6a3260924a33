/**
 * Saves the interface language for a signed-in reader (me.update). Loaded on demand by the
 * language switch, so tRPC and React Query stay out of the page's first-load JavaScript.
 */
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@/server/api/root.ts";
import type { AppLocale } from "@/server/i18n/locales.ts";
import { getQueryClient, getTrpcClient } from "@/components/providers/browser-clients.ts";

export async function saveLocaleForReader(locale: AppLocale): Promise<void> {
  const queryClient = getQueryClient();
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: getTrpcClient(), queryClient });
  // Usually already known from the header's account island; asked once otherwise.
  const me = await queryClient.fetchQuery(trpc.me.get.queryOptions());
  if (me && me.locale !== locale) await getTrpcClient().me.update.mutate({ locale });
}
