/**
 * The one tRPC endpoint, as Next serves it (server/api/http-handler.ts does the work). The custom
 * server answers most procedures without going through Next's routing (server/http/direct-trpc.ts):
 * loading this module hands it the handler of Next's own copy of the app's server code.
 */
import { handleTrpcRequest, methodNotAllowed, readBodyText } from "@/server/api/http-handler.ts";
import { offerDirectTrpcHandler } from "@/server/http/direct-trpc.ts";

export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  const body = req.method === "POST" ? await readBodyText(req) : null;
  if (body instanceof Response) return body;
  return handleTrpcRequest(req, body);
}

offerDirectTrpcHandler(handleTrpcRequest);

export { handle as GET, handle as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
