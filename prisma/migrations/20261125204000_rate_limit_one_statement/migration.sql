-- The shared rate limiter's consume() in one round trip (docs/rate-limits.md, "How the shared
-- limiter stays exact under concurrency"). A function only: no table changes, so schema.prisma is
-- untouched.
--
-- It did the same steps as an interactive transaction from Node (BEGIN, lock, count, insert,
-- COMMIT: five round trips per counted action). In one call they stay exact: a VOLATILE PL/pgSQL
-- function takes a fresh snapshot for each statement it runs, so the count, run after the lock is
-- granted, sees the hit its previous holder committed; the lock is released when the calling
-- statement's transaction commits, after this call's hit is visible. Times are milliseconds since
-- the epoch (UTC, like Prisma's DateTime), converted without floating point.
--
-- Returns NULL when the action is allowed (and counted), else the time of the oldest hit in the
-- window (milliseconds), from which the caller computes the wait.
CREATE OR REPLACE FUNCTION "rate_limit_consume"("hitKey" text, "atMs" bigint, "windowMs" bigint, "maxHits" int)
RETURNS float8 LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  "hitAt" timestamp(3) := timestamp '1970-01-01' + "atMs" * interval '1 millisecond';
  "hits" int;
  "oldest" timestamp(3);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('RateLimitHit'), hashtext("hitKey"));
  SELECT count(*)::int, min(h."at") INTO "hits", "oldest"
  FROM "RateLimitHit" h
  WHERE h."key" = "hitKey" AND h."at" > "hitAt" - "windowMs" * interval '1 millisecond';
  IF "hits" >= "maxHits" THEN
    RETURN (extract(epoch FROM "oldest") * 1000)::float8;
  END IF;
  INSERT INTO "RateLimitHit" ("key", "at") VALUES ("hitKey", "hitAt");
  RETURN NULL;
END $$;
