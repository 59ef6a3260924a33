/**
 * The site's public origin (SITE_URL) for canonical and Open Graph URLs, or undefined when the
 * configuration can't be read (then Next.js leaves URLs relative).
 */
import "server-only";
import { getServerConfig } from "@/server/config/index.ts";

export function siteUrl(): URL | undefined {
  try {
    return getServerConfig().siteUrl;
  } catch {
    return undefined;
  }
}
