/** zod schemas of staff.* (docs/watched-words-admin.md, "Staff"): admins grant and remove the moderator role. */
import { z } from "zod";

export const staffMemberSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  role: z.enum(["USER", "MODERATOR", "ADMIN"]),
  createdAt: z.date(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffListOutput = z.object({ staff: z.array(staffMemberSchema) });

export const findInput = z
  .object({ email: z.string().max(320, { message: "staff.queryTooLong" }).trim().min(3, { message: "staff.queryTooShort" }) })
  .strict();
export const findOutput = z.object({ users: z.array(staffMemberSchema) });

export const setRoleInput = z
  .object({
    userId: z.string().min(1).max(64),
    /** Only these: ADMIN is granted by ADMIN_EMAILS or `npm run role`, never from the console. */
    role: z.enum(["USER", "MODERATOR"], { message: "staff.roleUnknown" }),
  })
  .strict();
