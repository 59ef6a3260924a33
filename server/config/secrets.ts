/**
 * Secrets the server may generate for itself. Only for a site on localhost: anywhere else a
 * generated secret would silently change when the data folder is lost, signing everyone out,
 * so there it must be configured (AUTH_SECRET).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const authSecretFileName = "auth-secret";

/**
 * Reads $DATA_DIR/auth-secret, creating it (32 random bytes, base64url, mode 0600) when missing.
 * Safe when two processes race: the file is created exclusively and the loser reads the winner's.
 */
export function readOrCreateAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, authSecretFileName);
  const existing = readSecretFile(file);
  if (existing) return existing;

  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecretFile(file);
    if (!winner) throw new Error(`${file} exists but is empty; delete it to generate a new secret`);
    return winner;
  }
}

function readSecretFile(file: string): string | null {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value === "" ? null : value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
