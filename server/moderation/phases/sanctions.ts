/**
 * A suspended or banned reader cannot comment, and a warned one must first acknowledge the
 * warning (me.acknowledgeWarning). The refusal names the sanction, its reason and its end.
 */
import { sanctionRefusal } from "../sanctions.ts";
import type { Phase } from "./context.ts";

export const sanctionsPhase: Phase = ({ record }) =>
  record.sanction ? { kind: "refuse", rule: "sanction", error: sanctionRefusal(record.sanction) } : undefined;
