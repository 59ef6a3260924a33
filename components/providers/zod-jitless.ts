/**
 * zod in the browser without its `new Function` probe: zod 4 checks whether it may compile fast
 * parsers with eval, and even though it catches the refusal, our CSP (no unsafe-eval) reports the
 * attempt as a violation. Imported for its side effect by the tRPC provider, before any parse.
 */
import { z } from "zod";

z.config({ jitless: true });
