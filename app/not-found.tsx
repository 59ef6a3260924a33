/**
 * 404 for paths outside every locale (the rewrites send every page path into /zh or /en, so this
 * is rare: /_next/…, /api/… and the like). It has no locale, so it speaks both languages.
 */
import zh from "@/messages/zh/common.json";
import en from "@/messages/en/common.json";
import { themeScript } from "@/components/theme/theme-script.ts";
import "./globals.css";

export default function RootNotFound() {
  return (
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="bg-bg text-fg">
        <main className="mx-auto flex min-h-dvh max-w-2xl flex-col items-start justify-center gap-4 px-6">
          <p aria-hidden="true" className="font-serif text-7xl font-semibold text-accent/80">
            404
          </p>
          <h1 className="text-2xl font-semibold">{zh.notFound.title}</h1>
          <p className="text-muted">{zh.notFound.body}</p>
          <p lang="en" className="text-muted">
            {en.notFound.title}. {en.notFound.body}
          </p>
          <a href="/" className="inline-flex h-10 items-center rounded-full bg-accent px-4 font-medium text-accent-fg">
            {zh.notFound.home} <span lang="en">· {en.notFound.home}</span>
          </a>
        </main>
      </body>
    </html>
  );
}
