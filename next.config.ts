import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const nextConfig: NextConfig = {
  // The server answers for itself (server/http/): it adds the security headers, including a
  // hash-based Content-Security-Policy, and compresses after hashing. See docs/security-headers.md.
  // Lets several builds (tests, benchmarks, helpers) live side by side: NEXT_DIST_DIR=.next-test.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  compress: false,
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite loads its WebAssembly with fs.readFile(new URL(..., import.meta.url)); bundled, that URL
  // is not Node's URL class and every query fails ("path argument … Received an instance of URL").
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  typedRoutes: false,
  // Locale without a URL prefix: the reader's NEXT_LOCALE cookie picks the prerendered /en or /zh
  // variant of every page, so pages stay static. See docs/i18n.md.
  async rewrites() {
    // Files (anything ending in .ext, e.g. /og.png from public/) are not pages: rewrites run
    // before the public folder is looked at, so they must be left alone here.
    const page = "/:path((?!api/|_next/|zh(?:/|$)|en(?:/|$)|favicon|icon|robots|sitemap|opengraph|.*\\.[A-Za-z0-9]+$).*)";
    return {
      beforeFiles: [
        { source: page, has: [{ type: "cookie", key: "NEXT_LOCALE", value: "en" }], destination: "/en/:path" },
        { source: page, destination: "/zh/:path" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

export default withNextIntl(nextConfig);
