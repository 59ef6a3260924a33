import { defineConfig } from "prisma/config";

// The datasource URL lives here in Prisma 7, not in schema.prisma. The app itself never reads it:
// server/db/client.ts picks PGlite or PostgreSQL at run time. This is only for Prisma's own CLI.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgres://localhost:5432/tuiquan" },
});
