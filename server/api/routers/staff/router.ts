/** staff.*: the moderators and admins, and the moderator role granted and removed by admins. ADMIN only. Wiring only. */
import { adminProcedure, createTRPCRouter } from "@/server/api/trpc.ts";
import { findInput, findOutput, setRoleInput, staffListOutput, staffMemberSchema } from "./schemas.ts";
import { findByEmail, listStaff, setStaffRole } from "./staff.ts";

export const staffRouter = createTRPCRouter({
  /** Every moderator and admin, admins first. */
  list: adminProcedure.output(staffListOutput).query(({ ctx }) => listStaff(ctx.db)),

  /** Accounts by (part of) their email address, to grant the role to. */
  find: adminProcedure
    .input(findInput)
    .output(findOutput)
    .query(({ ctx, input }) => findByEmail(ctx.db, input.email)),

  /** USER ⇄ MODERATOR; never an admin's role, never one's own; audited; the reader's sessions re-read. */
  setRole: adminProcedure
    .input(setRoleInput)
    .output(staffMemberSchema)
    .mutation(({ ctx, input }) => setStaffRole(ctx.db, ctx.user.id, input, ctx.request)),
});
