-- polls.vote with fewer statements inside PostgreSQL (docs/performance.md, "Ballots: fewer
-- statements, first ballots together"). Functions only: no table changes, so schema.prisma is
-- untouched.
--
-- 1. poll_cast_ballot reads the poll and checks the options in one statement, finds the reader's
--    ballot and whether they have one on another poll of the essay in one more, and writes the
--    day's option tallies in one INSERT (rows in option-id order, so locks are still taken in one
--    global order: options, the poll, the day's option tallies, the day's voters).
-- 2. A reader with no ballot on another poll of the essay (every first ballot on a poll-per-essay
--    site, and the common case) can change no cell of the breakdown's cross-tab: the function then
--    skips poll_lock_answer_pairs and tells the cross-tab triggers so through a transaction-local
--    setting, set just around its own writes of "BallotChoice", so they skip their join. Every
--    other writer (seeds, fixtures, cascades, a reader with ballots on other polls) is unchanged.
-- 3. poll_cast_first_ballots: several readers' first ballots in one statement and one commit
--    (server/polls/first-ballots.ts batches them under load).

-- The cross-tab triggers, as in …_poll_answer_pairs, with the early exit.
CREATE OR REPLACE FUNCTION "poll_answer_pairs_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tuiquan.choices_unpaired', true) = 'on' THEN RETURN NULL; END IF;
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

CREATE OR REPLACE FUNCTION "poll_answer_pairs_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tuiquan.choices_unpaired', true) = 'on' THEN RETURN NULL; END IF;
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

-- polls.vote in one statement, as before (server/polls/ballot-sql.ts); same signature and answers.
CREATE OR REPLACE FUNCTION "poll_cast_ballot"(p_poll_id text, p_user_id text, p_option_ids text[], p_now timestamp(3), p_may_change boolean)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  poll record;
  mine record;
  the_ballot text;
  previous text[] := '{}';
  removed text[] := '{}';
  added text[];
  is_new boolean;
  option_id text;
  delta int;
BEGIN
  -- The poll, and how many of the given options are its own, in one statement.
  SELECT p."maxChoices", p."opensAt", p."closesAt", p."allowChange", p."essayId",
         (SELECT count(*) FROM unnest(p_option_ids) AS x(id) JOIN "PollOption" o ON o."id" = x.id AND o."pollId" = p."id") AS known
    INTO poll FROM "Poll" p WHERE p."id" = p_poll_id;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'notFound'); END IF;
  IF p_now < poll."opensAt" THEN RETURN jsonb_build_object('outcome', 'notOpen'); END IF;
  IF poll."closesAt" IS NOT NULL AND p_now >= poll."closesAt" THEN RETURN jsonb_build_object('outcome', 'closed'); END IF;
  IF poll.known < cardinality(p_option_ids) THEN RETURN jsonb_build_object('outcome', 'optionNotInPoll'); END IF;
  IF cardinality(p_option_ids) > poll."maxChoices" THEN
    RETURN jsonb_build_object('outcome', 'tooManyChoices', 'max', poll."maxChoices");
  END IF;

  PERFORM pg_advisory_xact_lock(hashtext('poll-ballot'), hashtext(p_user_id));
  -- Under the lock, in one statement: the reader's ballot on this poll, and whether they have one on
  -- another poll of the essay (only then can this ballot change the cross-tab).
  SELECT max(b."id") FILTER (WHERE b."pollId" = p_poll_id) AS ballot_id,
         coalesce(bool_or(b."pollId" <> p_poll_id AND op."essayId" = poll."essayId"), false) AS paired
    INTO mine
    FROM "Ballot" b JOIN "Poll" op ON op."id" = b."pollId"
   WHERE b."userId" = p_user_id;
  the_ballot := mine.ballot_id;
  is_new := the_ballot IS NULL;
  IF is_new THEN
    added := ARRAY(SELECT DISTINCT x.id FROM unnest(p_option_ids) AS x(id));
    INSERT INTO "Ballot" ("id", "pollId", "userId", "createdAt", "updatedAt")
    VALUES (gen_random_uuid()::text, p_poll_id, p_user_id, p_now, p_now) RETURNING "id" INTO the_ballot;
  ELSE
    previous := ARRAY(SELECT "optionId" FROM "BallotChoice" WHERE "ballotId" = the_ballot);
    removed := ARRAY(SELECT unnest(previous) EXCEPT SELECT unnest(p_option_ids));
    added := ARRAY(SELECT unnest(p_option_ids) EXCEPT SELECT unnest(previous));
    IF cardinality(removed) = 0 AND cardinality(added) = 0 THEN
      RETURN "poll_results"(p_poll_id, p_user_id) || jsonb_build_object('outcome', 'unchanged');
    END IF;
    IF NOT poll."allowChange" THEN RETURN jsonb_build_object('outcome', 'changeNotAllowed'); END IF;
    IF NOT p_may_change THEN RETURN jsonb_build_object('outcome', 'changeNeedsLimit'); END IF;
    UPDATE "Ballot" SET "updatedAt" = p_now WHERE "id" = the_ballot;
  END IF;

  IF mine.paired THEN
    PERFORM "poll_lock_answer_pairs"(p_poll_id, p_user_id, removed || added);
  ELSE
    -- No ballot on another poll of the essay: these choices pair with nothing, so the cross-tab's
    -- triggers are told to skip their join for the two statements below (reset right after).
    PERFORM set_config('tuiquan.choices_unpaired', 'on', true);
  END IF;
  IF cardinality(removed) > 0 THEN
    DELETE FROM "BallotChoice" WHERE "ballotId" = the_ballot AND "optionId" = ANY (removed);
  END IF;
  INSERT INTO "BallotChoice" ("ballotId", "optionId") SELECT the_ballot, unnest(added);
  IF NOT mine.paired THEN PERFORM set_config('tuiquan.choices_unpaired', '', true); END IF;

  -- The shared counters last, each kind in option-id order (as poll_withdraw_ballot takes them).
  IF cardinality(removed) = 0 AND cardinality(added) = 1 THEN
    UPDATE "PollOption" SET "voteCount" = "voteCount" + 1, "updatedAt" = p_now WHERE "id" = added[1];
  ELSE
    FOR option_id, delta IN
      SELECT d.id, d.delta FROM (SELECT unnest(removed) AS id, -1 AS delta UNION ALL SELECT unnest(added), 1) d ORDER BY d.id COLLATE "C"
    LOOP
      UPDATE "PollOption" SET "voteCount" = "voteCount" + delta, "updatedAt" = p_now WHERE "id" = option_id;
    END LOOP;
  END IF;
  IF is_new THEN
    UPDATE "Poll" SET "voterCount" = "voterCount" + 1, "updatedAt" = p_now WHERE "id" = p_poll_id;
  END IF;
  INSERT INTO "PollOptionDaily" ("optionId", "day", "net")
  SELECT d.id, p_now::date, d.delta
    FROM (SELECT unnest(removed) AS id, -1 AS delta UNION ALL SELECT unnest(added), 1) d
   ORDER BY d.id COLLATE "C"
  ON CONFLICT ("optionId", "day") DO UPDATE SET "net" = "PollOptionDaily"."net" + EXCLUDED."net";
  IF is_new THEN
    INSERT INTO "PollDailyVoters" ("pollId", "day", "net") VALUES (p_poll_id, p_now::date, 1)
    ON CONFLICT ("pollId", "day") DO UPDATE SET "net" = "PollDailyVoters"."net" + EXCLUDED."net";
  END IF;
  RETURN "poll_results"(p_poll_id, p_user_id) || jsonb_build_object('outcome', 'changed');
END $$;

-- First ballots in bulk (server/polls/first-ballots.ts): the ballots of several readers, each a
-- reader's first answer on the essay's polls, in one statement and one commit. Under load the app
-- sends the ballots that arrive while earlier ones are being written as one call; each costs a
-- round trip and a commit less, and the shared counters are updated once per batch.
-- p_items: [{"pollId", "userId", "optionIds": [...], "at": "yyyy-mm-dd hh:mi:ss.ms" (UTC)}], at
-- most one item per reader. Returns one answer per item, in order: the counts and the reader's
-- choice ('changed'), or {"outcome": "single"} for an item this function leaves alone (a refusal,
-- a reader who already answered a poll of the essay, a change): the app runs poll_cast_ballot for
-- it, which answers every case.
-- Locks, in the same global order as poll_cast_ballot's, so batches and single ballots never
-- deadlock: the readers' advisory locks (sorted; a single ballot takes one), then options,
-- polls, the days' option tallies, the days' voters, each kind sorted by id.
CREATE FUNCTION "poll_cast_first_ballots"(p_items jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  accepted bigint[];
  option_id text;
  poll_id text;
  delta int;
  latest timestamp(3);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('poll-ballot'), s.k)
     FROM (SELECT DISTINCT hashtext(x."userId") AS k
             FROM jsonb_to_recordset(p_items) AS x("userId" text) ORDER BY 1) s;

  -- Under the locks: the items that are valid first ballots of readers with no ballot on any poll
  -- of the essay (so they change no cell of the cross-tab), refusals and the rest left out.
  SELECT coalesce(array_agg(i.n), '{}') INTO accepted
    FROM ROWS FROM (jsonb_to_recordset(p_items) AS ("pollId" text, "userId" text, "optionIds" text[], "at" timestamp(3)))
         WITH ORDINALITY AS i("pollId", "userId", "optionIds", "at", n)
    JOIN "Poll" p ON p."id" = i."pollId"
   WHERE i."at" >= p."opensAt" AND (p."closesAt" IS NULL OR i."at" < p."closesAt")
     AND cardinality(i."optionIds") BETWEEN 1 AND p."maxChoices"
     AND (SELECT count(DISTINCT o."id") FROM unnest(i."optionIds") AS x(id) JOIN "PollOption" o ON o."id" = x.id AND o."pollId" = p."id")
         = cardinality(i."optionIds")
     AND NOT EXISTS (SELECT 1 FROM "Ballot" b JOIN "Poll" op ON op."id" = b."pollId"
                      WHERE b."userId" = i."userId" AND op."essayId" = p."essayId");

  IF cardinality(accepted) > 0 THEN
    -- No cross-tab cell to change (see above): the triggers skip their join for this statement.
    PERFORM set_config('tuiquan.choices_unpaired', 'on', true);
    WITH item AS (
      SELECT * FROM ROWS FROM (jsonb_to_recordset(p_items) AS ("pollId" text, "userId" text, "optionIds" text[], "at" timestamp(3)))
             WITH ORDINALITY AS i("pollId", "userId", "optionIds", "at", n)
       WHERE i.n = ANY (accepted)
    ), ballot AS (
      INSERT INTO "Ballot" ("id", "pollId", "userId", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, item."pollId", item."userId", item."at", item."at" FROM item
      RETURNING "id", "pollId", "userId"
    )
    INSERT INTO "BallotChoice" ("ballotId", "optionId")
    SELECT ballot."id", unnest(item."optionIds") FROM ballot JOIN item ON item."pollId" = ballot."pollId" AND item."userId" = ballot."userId";
    PERFORM set_config('tuiquan.choices_unpaired', '', true);

    FOR option_id, delta, latest IN
      SELECT x.id, count(*)::int, max(i."at")
        FROM ROWS FROM (jsonb_to_recordset(p_items) AS ("optionIds" text[], "at" timestamp(3))) WITH ORDINALITY AS i("optionIds", "at", n)
        CROSS JOIN unnest(i."optionIds") AS x(id)
       WHERE i.n = ANY (accepted) GROUP BY x.id ORDER BY x.id COLLATE "C"
    LOOP
      UPDATE "PollOption" SET "voteCount" = "voteCount" + delta, "updatedAt" = latest WHERE "id" = option_id;
    END LOOP;
    FOR poll_id, delta, latest IN
      SELECT i."pollId", count(*)::int, max(i."at")
        FROM ROWS FROM (jsonb_to_recordset(p_items) AS ("pollId" text, "at" timestamp(3))) WITH ORDINALITY AS i("pollId", "at", n)
       WHERE i.n = ANY (accepted) GROUP BY i."pollId" ORDER BY i."pollId" COLLATE "C"
    LOOP
      UPDATE "Poll" SET "voterCount" = "voterCount" + delta, "updatedAt" = latest WHERE "id" = poll_id;
    END LOOP;
    INSERT INTO "PollOptionDaily" ("optionId", "day", "net")
    SELECT x.id, i."at"::date, count(*)::int
      FROM ROWS FROM (jsonb_to_recordset(p_items) AS ("optionIds" text[], "at" timestamp(3))) WITH ORDINALITY AS i("optionIds", "at", n)
      CROSS JOIN unnest(i."optionIds") AS x(id)
     WHERE i.n = ANY (accepted) GROUP BY 1, 2 ORDER BY x.id COLLATE "C", i."at"::date
    ON CONFLICT ("optionId", "day") DO UPDATE SET "net" = "PollOptionDaily"."net" + EXCLUDED."net";
    INSERT INTO "PollDailyVoters" ("pollId", "day", "net")
    SELECT i."pollId", i."at"::date, count(*)::int
      FROM ROWS FROM (jsonb_to_recordset(p_items) AS ("pollId" text, "at" timestamp(3))) WITH ORDINALITY AS i("pollId", "at", n)
     WHERE i.n = ANY (accepted) GROUP BY 1, 2 ORDER BY i."pollId" COLLATE "C", i."at"::date
    ON CONFLICT ("pollId", "day") DO UPDATE SET "net" = "PollDailyVoters"."net" + EXCLUDED."net";
  END IF;

  -- Each poll's counts once (as of this batch: every accepted ballot included), with each reader's
  -- own choice.
  RETURN (
    SELECT jsonb_agg(CASE WHEN i.n = ANY (accepted)
                          THEN c.counts || jsonb_build_object('myChoice', to_jsonb(i."optionIds"), 'outcome', 'changed')
                          ELSE jsonb_build_object('outcome', 'single') END ORDER BY i.n)
      FROM ROWS FROM (jsonb_to_recordset(p_items) AS ("pollId" text, "optionIds" text[])) WITH ORDINALITY AS i("pollId", "optionIds", n)
      LEFT JOIN (SELECT d."pollId", "poll_results"(d."pollId", NULL) AS counts
                   FROM (SELECT DISTINCT x."pollId" FROM ROWS FROM (jsonb_to_recordset(p_items) AS ("pollId" text)) WITH ORDINALITY AS x("pollId", n)
                          WHERE x.n = ANY (accepted)) d) c ON c."pollId" = i."pollId");
END $$;
