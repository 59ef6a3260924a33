/** next-auth v4 (sign-in, callbacks, sign-out, session, CSRF): see server/auth/route-handler.ts. */
import { getDb } from "@/server/db/index.ts";
import { getAuthOptions } from "@/server/auth/options.ts";
import { getServerConfig } from "@/server/config/index.ts";
import { signInEmailLimitsFor } from "@/server/auth/email-quota.ts";
import { createAuthRouteHandler } from "@/server/auth/route-handler.ts";

export const dynamic = "force-dynamic";

const handleAuthRequest = createAuthRouteHandler({
  getOptions: getAuthOptions,
  getDb,
  getEmailLimits: () => signInEmailLimitsFor(getServerConfig()),
});

interface RouteContext {
  params: Promise<{ nextauth: string[] }>;
}

export async function GET(request: Request, context: RouteContext): Promise<Response> {
  return handleAuthRequest(request, (await context.params).nextauth);
}

export const POST = GET;
