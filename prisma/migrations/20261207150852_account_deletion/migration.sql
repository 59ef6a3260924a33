-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- Account deletion (docs/data-rights.md) withdraws the reader's ballots from every tally, closed
-- polls and polls without changes included. The removal that poll_withdraw_ballot did inline is now
-- its own function, so the withdrawal and the erasure share it and keep the counts, the day's
-- tallies and the breakdown's cross-tab exact the same way. The caller holds the reader's advisory lock.
CREATE FUNCTION "poll_remove_ballot"(p_poll_id text, p_user_id text, p_ballot_id text, p_now timestamp(3))
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  previous text[];
  option_id text;
BEGIN
  previous := ARRAY(SELECT "optionId" FROM "BallotChoice" WHERE "ballotId" = p_ballot_id);
  PERFORM "poll_lock_answer_pairs"(p_poll_id, p_user_id, previous);
  DELETE FROM "Ballot" WHERE "id" = p_ballot_id; -- its choices first ("Ballot_choices_first")
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
END $$;

CREATE OR REPLACE FUNCTION "poll_withdraw_ballot"(p_poll_id text, p_user_id text, p_now timestamp(3), p_may_change boolean)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  poll record;
  the_ballot text;
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

  PERFORM "poll_remove_ballot"(p_poll_id, p_user_id, the_ballot, p_now);
  RETURN "poll_results"(p_poll_id, p_user_id) || jsonb_build_object('outcome', 'withdrawn');
END $$;

-- Every ballot of one reader, whatever the poll's state, one poll at a time in poll-id order;
-- returns the polls whose counts changed, for their live events.
CREATE FUNCTION "poll_erase_ballots_of_user"(p_user_id text, p_now timestamp(3))
RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
  b record;
  polls text[] := ARRAY[]::text[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('poll-ballot'), hashtext(p_user_id));
  FOR b IN SELECT "id", "pollId" FROM "Ballot" WHERE "userId" = p_user_id ORDER BY "pollId" COLLATE "C" LOOP
    PERFORM "poll_remove_ballot"(b."pollId", p_user_id, b."id", p_now);
    polls := polls || b."pollId";
  END LOOP;
  RETURN polls;
END $$;
