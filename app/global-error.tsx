"use client";
/**
 * The layout itself failed: this replaces the whole document, without providers, so it reads
 * its copy straight from the catalogs and picks the language from the cookie.
 */
import zh from "@/messages/zh/common.json";
import en from "@/messages/en/common.json";
import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const english = typeof document !== "undefined" && /(?:^|;\s*)NEXT_LOCALE=en/.test(document.cookie);
  const m = english ? en : zh;
  return (
    <html lang={english ? "en" : "zh-CN"} suppressHydrationWarning>
      <body className="bg-bg text-fg">
        <main className="mx-auto flex min-h-dvh max-w-2xl flex-col items-start justify-center gap-5 px-6">
          <p aria-hidden="true" className="font-serif text-7xl font-semibold text-accent/80">
            500
          </p>
          <h1 className="text-2xl font-semibold">{m.error.title}</h1>
          <p className="text-muted">{m.error.body}</p>
          <div className="flex gap-3">
            <button type="button" onClick={reset} className="h-10 rounded-full bg-accent px-4 font-medium text-accent-fg">
              {m.error.retry}
            </button>
            <a href="/" className="inline-flex h-10 items-center rounded-full border border-line px-4 font-medium">
              {m.error.home}
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
