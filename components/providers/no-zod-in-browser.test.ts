/**
 * zod stays out of the browser (trpc-provider.tsx says why): nothing under components/ (client
 * components and the modules they use; the few server-side loaders there need no zod either) nor a
 * client component under app/ may import it, or a server schema module, other than as types.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Value imports (not `import type`) of zod or of a schema module. */
const zodValueImport = /^import\s+(?!type\b)[^;]*?from\s+"(zod(?:\/[^"]*)?|[^"]*\/schemas\.ts|[^"]*-schemas\.ts)";/gm;

it("recognizes a value import of zod or of a schema, and not a type import", () => {
  const found = (text: string) => [...text.matchAll(zodValueImport)].map((match) => match[1]);
  expect(found('import { z } from "zod";\nimport { commentEventSchema } from "@/server/api/routers/comments/schemas.ts";')).toEqual(["zod", "@/server/api/routers/comments/schemas.ts"]);
  expect(found('import type { CommentView } from "@/server/api/routers/comments/schemas.ts";')).toEqual([]);
});

it("no browser code imports zod or a schema module as a value", () => {
  const offenders: string[] = [];
  for (const file of [...sources("components"), ...sources("app")]) {
    const text = readFileSync(path.join(root, file), "utf8");
    if (file.startsWith("app") && !/^["']use client["'];?/m.test(text)) continue;
    for (const match of text.matchAll(zodValueImport)) offenders.push(`${file}: ${match[0]}`);
  }
  expect(offenders).toEqual([]);
});
