-- CreateTable
CREATE TABLE "PollAnswerPair" (
    "optionId" TEXT NOT NULL,
    "otherOptionId" TEXT NOT NULL,
    "voters" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PollAnswerPair_pkey" PRIMARY KEY ("optionId","otherOptionId")
);

-- CreateIndex
CREATE INDEX "PollAnswerPair_otherOptionId_idx" ON "PollAnswerPair"("otherOptionId");

-- AddForeignKey
ALTER TABLE "PollAnswerPair" ADD CONSTRAINT "PollAnswerPair_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "PollOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PollAnswerPair" ADD CONSTRAINT "PollAnswerPair_otherOptionId_fkey" FOREIGN KEY ("otherOptionId") REFERENCES "PollOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The cross-tab is kept by triggers on "BallotChoice", so that every writer of ballots (the ballot
-- functions below, seeds, fixtures, cascades from deleting a reader or a poll) keeps it exact.
-- Statement-level with transition tables: one set-based statement per write, whether it carries one
-- choice or a seed's fifty thousand. A pair is counted by the later of its two choices to arrive, and
-- when both arrive (or leave) in one statement, once, from the smaller option id. Rows are upserted
-- in key order so that concurrent ballots lock cells in one order.
CREATE FUNCTION "poll_answer_pairs_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PollAnswerPair" ("optionId", "otherOptionId", "voters")
  SELECT LEAST(n."optionId", oc."optionId"), GREATEST(n."optionId", oc."optionId"), count(*)::int
  FROM added n
  JOIN "Ballot" b ON b."id" = n."ballotId"
  JOIN "Poll" p ON p."id" = b."pollId"
  JOIN "Ballot" ob ON ob."userId" = b."userId" AND ob."pollId" <> b."pollId"
  JOIN "Poll" op ON op."id" = ob."pollId" AND op."essayId" = p."essayId"
  JOIN "BallotChoice" oc ON oc."ballotId" = ob."id"
  -- a join rather than NOT EXISTS: a hash join over the statement's rows, not a scan per row
  LEFT JOIN added also ON also."ballotId" = oc."ballotId" AND also."optionId" = oc."optionId"
  WHERE also."ballotId" IS NULL OR n."optionId" < oc."optionId"
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT ("optionId", "otherOptionId") DO UPDATE SET "voters" = "PollAnswerPair"."voters" + EXCLUDED."voters";
  RETURN NULL;
END $$;

-- Removed choices: pairs with the reader's remaining choices, and pairs among the removed ones.
-- Options that are gone (a cascade from deleting an option or a poll) are skipped: their cells go
-- with them through the foreign keys.
CREATE FUNCTION "poll_answer_pairs_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (
    SELECT r."optionId", b."userId", b."pollId", p."essayId"
    FROM removed r
    JOIN "Ballot" b ON b."id" = r."ballotId"
    JOIN "Poll" p ON p."id" = b."pollId"
    JOIN "PollOption" o ON o."id" = r."optionId"
  ),
  others AS (
    SELECT ob."userId", ob."pollId", op."essayId", oc."optionId", false AS "alsoGone"
    FROM "Ballot" ob JOIN "Poll" op ON op."id" = ob."pollId" JOIN "BallotChoice" oc ON oc."ballotId" = ob."id"
    WHERE ob."userId" IN (SELECT "userId" FROM gone)
    UNION ALL
    SELECT g."userId", g."pollId", g."essayId", g."optionId", true FROM gone g
  ),
  deltas AS (
    SELECT LEAST(g."optionId", x."optionId") AS a, GREATEST(g."optionId", x."optionId") AS b, count(*)::int AS n
    FROM gone g
    JOIN others x ON x."userId" = g."userId" AND x."essayId" = g."essayId" AND x."pollId" <> g."pollId"
    WHERE NOT x."alsoGone" OR g."optionId" < x."optionId"
    GROUP BY 1, 2
  ),
  locked AS (
    SELECT t."optionId", t."otherOptionId" FROM "PollAnswerPair" t JOIN deltas d ON d.a = t."optionId" AND d.b = t."otherOptionId"
    ORDER BY 1, 2 FOR UPDATE OF t
  )
  UPDATE "PollAnswerPair" t SET "voters" = t."voters" - d.n
  FROM deltas d, locked l
  WHERE t."optionId" = d.a AND t."otherOptionId" = d.b AND l."optionId" = d.a AND l."otherOptionId" = d.b;
  RETURN NULL;
END $$;

-- A ballot's choices are deleted before the ballot itself, while the ballot still says whose they
-- were (a foreign-key cascade would remove them after the ballot row is gone).
CREATE FUNCTION "ballot_choices_first"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "BallotChoice" WHERE "ballotId" = OLD."id";
  RETURN OLD;
END $$;

CREATE TRIGGER "PollAnswerPair_added" AFTER INSERT ON "BallotChoice"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "poll_answer_pairs_added"();
CREATE TRIGGER "PollAnswerPair_removed" AFTER DELETE ON "BallotChoice"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "poll_answer_pairs_removed"();
CREATE TRIGGER "Ballot_choices_first" BEFORE DELETE ON "Ballot"
  FOR EACH ROW EXECUTE FUNCTION "ballot_choices_first"();

-- Choices are only ever inserted and deleted; an update would bypass the cross-tab.
CREATE FUNCTION "ballot_choices_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'BallotChoice rows are inserted and deleted, never updated';
END $$;
CREATE TRIGGER "BallotChoice_immutable" BEFORE UPDATE ON "BallotChoice"
  FOR EACH ROW EXECUTE FUNCTION "ballot_choices_immutable"();

-- The ballots already cast.
INSERT INTO "PollAnswerPair" ("optionId", "otherOptionId", "voters")
SELECT c1."optionId", c2."optionId", count(*)::int
FROM "Ballot" b1
JOIN "Ballot" b2 ON b2."userId" = b1."userId" AND b2."pollId" <> b1."pollId"
JOIN "Poll" p1 ON p1."id" = b1."pollId"
JOIN "Poll" p2 ON p2."id" = b2."pollId" AND p2."essayId" = p1."essayId"
JOIN "BallotChoice" c1 ON c1."ballotId" = b1."id"
JOIN "BallotChoice" c2 ON c2."ballotId" = b2."id"
WHERE c1."optionId" < c2."optionId"
GROUP BY 1, 2;

-- A poll's counts and one reader's choice, as polls.results needs them (server/polls/results-read.ts),
-- in one round trip. Times as milliseconds since the epoch (the columns hold UTC).
-- PL/pgSQL so that its plan is cached per connection (see poll_lock_answer_pairs).
CREATE FUNCTION "poll_results"(p_poll_id text, p_user_id text) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT jsonb_build_object(
    'essayId', p."essayId",
    'resultsVisibility', p."resultsVisibility",
    'opensAt', floor(extract(epoch FROM p."opensAt") * 1000),
    'closesAt', floor(extract(epoch FROM p."closesAt") * 1000),
    'voterCount', p."voterCount",
    'options', (SELECT coalesce(jsonb_agg(jsonb_build_array(o."id", o."voteCount") ORDER BY o."position"), '[]') FROM "PollOption" o WHERE o."pollId" = p."id"),
    -- null without a ballot; a ballot's choices otherwise
    'myChoice', (SELECT coalesce(jsonb_agg(c."optionId") FILTER (WHERE c."optionId" IS NOT NULL), '[]')
                 FROM "Ballot" b LEFT JOIN "BallotChoice" c ON c."ballotId" = b."id"
                 WHERE b."pollId" = p."id" AND b."userId" = p_user_id HAVING count(b."id") > 0))
  FROM "Poll" p WHERE p."id" = p_poll_id);
END $$;

-- Locks, in one global order, every cross-tab cell a change of this reader's choices will touch
-- (creating missing ones at 0), before the triggers update them in two passes (removed pairs, then
-- added ones). Without it two readers changing ballots at once could take two cells in opposite
-- orders and deadlock. PL/pgSQL rather than SQL: PostgreSQL plans a SQL function's body on every
-- call (0.6 ms here), a PL/pgSQL one once per connection.
CREATE FUNCTION "poll_lock_answer_pairs"(p_poll_id text, p_user_id text, p_option_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PollAnswerPair" ("optionId", "otherOptionId", "voters")
  SELECT DISTINCT LEAST(mine.id, oc."optionId"), GREATEST(mine.id, oc."optionId"), 0
  FROM unnest(p_option_ids) AS mine(id)
  JOIN "Poll" p ON p."id" = p_poll_id
  JOIN "Ballot" ob ON ob."userId" = p_user_id AND ob."pollId" <> p_poll_id
  JOIN "Poll" op ON op."id" = ob."pollId" AND op."essayId" = p."essayId"
  JOIN "BallotChoice" oc ON oc."ballotId" = ob."id"
  ORDER BY 1, 2
  ON CONFLICT ("optionId", "otherOptionId") DO UPDATE SET "voters" = "PollAnswerPair"."voters";
END $$;

-- polls.vote in one statement (server/polls/ballot-sql.ts says why). Checks the poll, takes the
-- reader's advisory lock (per reader, across polls: the cross-tab pairs a reader's ballots), applies
-- the difference to the choices, then the shared counters last and in one order (option ids, the poll,
-- the day's option tallies, the day's voters), so they are held only until this statement commits.
-- A change of an existing ballot returns 'changeNeedsLimit' unless p_may_change: the caller consumes
-- the rate limit and calls again.
CREATE FUNCTION "poll_cast_ballot"(p_poll_id text, p_user_id text, p_option_ids text[], p_now timestamp(3), p_may_change boolean)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  poll record;
  the_ballot text;
  previous text[];
  removed text[];
  added text[];
  is_new boolean;
  option_id text;
  delta int;
BEGIN
  SELECT "id", "maxChoices", "opensAt", "closesAt", "allowChange" INTO poll FROM "Poll" WHERE "id" = p_poll_id;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'notFound'); END IF;
  IF p_now < poll."opensAt" THEN RETURN jsonb_build_object('outcome', 'notOpen'); END IF;
  IF poll."closesAt" IS NOT NULL AND p_now >= poll."closesAt" THEN RETURN jsonb_build_object('outcome', 'closed'); END IF;
  IF EXISTS (SELECT 1 FROM unnest(p_option_ids) AS x(id)
             WHERE NOT EXISTS (SELECT 1 FROM "PollOption" o WHERE o."id" = x.id AND o."pollId" = p_poll_id)) THEN
    RETURN jsonb_build_object('outcome', 'optionNotInPoll');
  END IF;
  IF cardinality(p_option_ids) > poll."maxChoices" THEN
    RETURN jsonb_build_object('outcome', 'tooManyChoices', 'max', poll."maxChoices");
  END IF;

  PERFORM pg_advisory_xact_lock(hashtext('poll-ballot'), hashtext(p_user_id));
  SELECT "id" INTO the_ballot FROM "Ballot" WHERE "pollId" = p_poll_id AND "userId" = p_user_id;
  is_new := the_ballot IS NULL;
  previous := CASE WHEN is_new THEN '{}'::text[] ELSE ARRAY(SELECT "optionId" FROM "BallotChoice" WHERE "ballotId" = the_ballot) END;
  removed := ARRAY(SELECT unnest(previous) EXCEPT SELECT unnest(p_option_ids));
  added := ARRAY(SELECT unnest(p_option_ids) EXCEPT SELECT unnest(previous));
  IF NOT is_new THEN
    IF cardinality(removed) = 0 AND cardinality(added) = 0 THEN
      RETURN "poll_results"(p_poll_id, p_user_id) || jsonb_build_object('outcome', 'unchanged');
    END IF;
    IF NOT poll."allowChange" THEN RETURN jsonb_build_object('outcome', 'changeNotAllowed'); END IF;
    IF NOT p_may_change THEN RETURN jsonb_build_object('outcome', 'changeNeedsLimit'); END IF;
    UPDATE "Ballot" SET "updatedAt" = p_now WHERE "id" = the_ballot;
  ELSE
    INSERT INTO "Ballot" ("id", "pollId", "userId", "createdAt", "updatedAt")
    VALUES (gen_random_uuid()::text, p_poll_id, p_user_id, p_now, p_now) RETURNING "id" INTO the_ballot;
  END IF;
  PERFORM "poll_lock_answer_pairs"(p_poll_id, p_user_id, removed || added);
  IF cardinality(removed) > 0 THEN
    DELETE FROM "BallotChoice" WHERE "ballotId" = the_ballot AND "optionId" = ANY (removed);
  END IF;
  IF cardinality(added) > 0 THEN
    INSERT INTO "BallotChoice" ("ballotId", "optionId") SELECT the_ballot, unnest(added);
  END IF;

  FOR option_id, delta IN
    SELECT d.id, d.delta FROM (SELECT unnest(removed) AS id, -1 AS delta UNION ALL SELECT unnest(added), 1) d ORDER BY d.id COLLATE "C"
  LOOP
    UPDATE "PollOption" SET "voteCount" = "voteCount" + delta, "updatedAt" = p_now WHERE "id" = option_id;
  END LOOP;
  IF is_new THEN
    UPDATE "Poll" SET "voterCount" = "voterCount" + 1, "updatedAt" = p_now WHERE "id" = p_poll_id;
  END IF;
  FOR option_id, delta IN
    SELECT d.id, d.delta FROM (SELECT unnest(removed) AS id, -1 AS delta UNION ALL SELECT unnest(added), 1) d ORDER BY d.id COLLATE "C"
  LOOP
    INSERT INTO "PollOptionDaily" ("optionId", "day", "net") VALUES (option_id, p_now::date, delta)
    ON CONFLICT ("optionId", "day") DO UPDATE SET "net" = "PollOptionDaily"."net" + EXCLUDED."net";
  END LOOP;
  IF is_new THEN
    INSERT INTO "PollDailyVoters" ("pollId", "day", "net") VALUES (p_poll_id, p_now::date, 1)
    ON CONFLICT ("pollId", "day") DO UPDATE SET "net" = "PollDailyVoters"."net" + EXCLUDED."net";
  END IF;
  RETURN "poll_results"(p_poll_id, p_user_id) || jsonb_build_object('outcome', 'changed');
END $$;

-- polls.withdraw in one statement, the same way: 'none' when there is no ballot to withdraw.
CREATE FUNCTION "poll_withdraw_ballot"(p_poll_id text, p_user_id text, p_now timestamp(3), p_may_change boolean)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  poll record;
  the_ballot text;
  previous text[];
  option_id text;
BEGIN
  SELECT "id", "opensAt", "closesAt", "allowChange" INTO poll FROM "Poll" WHERE "id" = p_poll_id;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'notFound'); END IF;
  IF p_now < poll."opensAt" THEN RETURN jsonb_build_object('outcome', 'notOpen'); END IF;
  IF poll."closesAt" IS NOT NULL AND p_now >= poll."closesAt" THEN RETURN jsonb_build_object('outcome', 'closed'); END IF;

  PERFORM pg_advisory_xact_lock(hashtext('poll-ballot'), hashtext(p_user_id));
  SELECT "id" INTO the_ballot FROM "Ballot" WHERE "pollId" = p_poll_id AND "userId" = p_user_id;
  IF the_ballot IS NULL THEN
    RETURN "poll_results"(p_poll_id, p_user_id) || jsonb_build_object('outcome', 'none');
  END IF;
  IF NOT poll."allowChange" THEN RETURN jsonb_build_object('outcome', 'changeNotAllowed'); END IF;
  IF NOT p_may_change THEN RETURN jsonb_build_object('outcome', 'changeNeedsLimit'); END IF;

  previous := ARRAY(SELECT "optionId" FROM "BallotChoice" WHERE "ballotId" = the_ballot);
  PERFORM "poll_lock_answer_pairs"(p_poll_id, p_user_id, previous);
  DELETE FROM "Ballot" WHERE "id" = the_ballot; -- its choices first ("Ballot_choices_first")
  FOR option_id IN SELECT x.id FROM unnest(previous) AS x(id) ORDER BY x.id COLLATE "C" LOOP
    UPDATE "PollOption" SET "voteCount" = "voteCount" - 1, "updatedAt" = p_now WHERE "id" = option_id;
  END LOOP;
  UPDATE "Poll" SET "voterCount" = "voterCount" - 1, "updatedAt" = p_now WHERE "id" = p_poll_id;
  FOR option_id IN SELECT x.id FROM unnest(previous) AS x(id) ORDER BY x.id COLLATE "C" LOOP
    INSERT INTO "PollOptionDaily" ("optionId", "day", "net") VALUES (option_id, p_now::date, -1)
    ON CONFLICT ("optionId", "day") DO UPDATE SET "net" = "PollOptionDaily"."net" + EXCLUDED."net";
  END LOOP;
  INSERT INTO "PollDailyVoters" ("pollId", "day", "net") VALUES (p_poll_id, p_now::date, -1)
  ON CONFLICT ("pollId", "day") DO UPDATE SET "net" = "PollDailyVoters"."net" + EXCLUDED."net";
  RETURN "poll_results"(p_poll_id, p_user_id) || jsonb_build_object('outcome', 'withdrawn');
END $$;
