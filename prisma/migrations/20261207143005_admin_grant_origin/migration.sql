-- AlterTable
ALTER TABLE "User" ADD COLUMN     "roleBeforeAdminGrant" "Role";
