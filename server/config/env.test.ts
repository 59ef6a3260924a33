import { describe, expect, it } from "vitest";
import { withoutAppVariables } from "./env.ts";

describe("withoutAppVariables", () => {
  it("drops every variable the app reads, so a developer's shell cannot reach a test server", () => {
    const shell = {
      PATH: "/usr/bin",
      HOME: "/root",
      DATABASE_URL: "postgres://prod",
      EMAIL_SERVER: "smtp://mail",
      GITHUB_ID: "id",
      TRUST_PROXY: "1",
      NEXTAUTH_SECRET: "secret",
      NEXT_DIST_DIR: ".next-x",
      DATABASE_POOL_SIZE: "3",
    } as unknown as NodeJS.ProcessEnv;
    expect(withoutAppVariables(shell)).toEqual({ PATH: "/usr/bin", HOME: "/root" });
    expect(shell.DATABASE_URL).toBe("postgres://prod"); // the original is untouched
  });
});
