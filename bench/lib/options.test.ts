import { describe, expect, it } from "vitest";
import { readBenchOptions } from "./options.ts";

describe("readBenchOptions", () => {
  it("defaults to the issue's protocol and the bench's own build folder", () => {
    const options = readBenchOptions({}, []);
    expect(options).toMatchObject({
      seconds: 15,
      connections: 10,
      distDir: ".next-bench",
      databases: ["pglite", "postgres"],
      postgresUrlGiven: false,
      basePort: null,
      acceptEncoding: "gzip, deflate, br, zstd",
      groups: ["essay", "comments", "polls"],
      scale: 1,
      liveConnections: 500,
    });
    expect(options.warmupSeconds).toBeGreaterThan(0);
  });

  it("takes shorter runs and a PostgreSQL server from the environment", () => {
    const options = readBenchOptions({
      BENCH_SECONDS: "2",
      BENCH_WARMUP_SECONDS: "0",
      BENCH_DATABASES: "postgres",
      BENCH_DATABASE_URL: "postgres://u:p@127.0.0.1:5433/postgres",
      BENCH_PORT: "3600",
    }, []);
    expect(options).toMatchObject({ seconds: 2, warmupSeconds: 0, databases: ["postgres"], postgresUrlGiven: true, basePort: 3600 });
    expect(readBenchOptions({ BENCH_ACCEPT_ENCODING: "identity" }, []).acceptEncoding).toBeNull();
    expect(readBenchOptions({ BENCH_ACCEPT_ENCODING: "gzip" }, []).acceptEncoding).toBe("gzip");
  });

  it("takes one group, one database and a smaller size from flags, over the environment", () => {
    const options = readBenchOptions({ BENCH_ONLY: "polls" }, ["--only", "comments", "--db=pglite", "--scale", "0.05"]);
    expect(options).toMatchObject({ groups: ["comments"], databases: ["pglite"], scale: 0.05 });
    expect(() => readBenchOptions({}, ["--only", "chat"])).toThrow(/BENCH_ONLY: "chat"/);
    expect(() => readBenchOptions({}, ["--scale"])).toThrow(/--scale needs a value/);
    expect(() => readBenchOptions({}, ["--fast"])).toThrow(/unknown flag --fast/);
    expect(() => readBenchOptions({}, ["--scale", "2"])).toThrow(/BENCH_SCALE/);
  });

  it("narrows the targets by words of their labels, case-insensitive; none given means all", () => {
    expect(readBenchOptions({}, []).targets).toEqual([]);
    expect(readBenchOptions({ BENCH_TARGETS: "Create, vote," }, []).targets).toEqual(["create", "vote"]);
    expect(readBenchOptions({ BENCH_TARGETS: "list" }, ["--targets", "create"]).targets).toEqual(["create"]);
  });

  it("names the variable that is wrong", () => {
    expect(() => readBenchOptions({ BENCH_SECONDS: "soon" }, [])).toThrow(/BENCH_SECONDS/);
    expect(() => readBenchOptions({ BENCH_DATABASES: "mysql" }, [])).toThrow(/BENCH_DATABASES: "mysql"/);
    expect(() => readBenchOptions({ BENCH_DATABASE_URL: "mysql://x" }, [])).toThrow(/BENCH_DATABASE_URL/);
    expect(() => readBenchOptions({ BENCH_DIST_DIR: "../elsewhere" }, [])).toThrow(/BENCH_DIST_DIR/);
  });
});
