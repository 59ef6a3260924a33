/**
 * The dev outbox exists only for a local site: there a link without a mail server goes to the log
 * and the outbox; a public site never puts a link in either (and never serves the outbox page:
 * server/auth/local-request.test.ts).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { clearOutbox, listOutbox } from "./dev-outbox.ts";
import { deliverSignInLink } from "./deliver-sign-in-link.ts";

const link = { to: "reader@example.com", url: "https://site.example/api/auth/callback/email?token=secret", locale: "zh" as const };

beforeEach(() => clearOutbox());

describe("deliverSignInLink without a mail server", () => {
  it("on a localhost site: one log line and the outbox", async () => {
    const lines: string[] = [];
    const config = { email: null, isLocalSite: true, siteUrl: new URL("http://localhost:3000") };
    expect(await deliverSignInLink(config, link, (line) => lines.push(line))).toBe("outbox");
    expect(lines).toEqual([`[dev-mail] sign-in link for reader@example.com: ${link.url}`]);
    expect(listOutbox()).toHaveLength(1);
  });

  it("on a public site: refuses, and the link goes neither to the log nor to the outbox", async () => {
    const lines: string[] = [];
    const config = { email: null, isLocalSite: false, siteUrl: new URL("https://site.example") };
    await expect(deliverSignInLink(config, link, (line) => lines.push(line))).rejects.toThrow(/not local/);
    expect(lines).toEqual([]);
    expect(listOutbox()).toEqual([]);
  });
});
