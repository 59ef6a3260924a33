-- AlterTable
ALTER TABLE "SignInEmail" ADD COLUMN     "client" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "SignInEmail_client_sentAt_idx" ON "SignInEmail"("client", "sentAt");

-- CreateIndex
CREATE INDEX "SignInEmail_sentAt_idx" ON "SignInEmail"("sentAt");
