"use client";
/**
 * A page failed to render: say so in the reader's language, inside the usual layout, and offer a
 * retry. Error boundaries are client components and the layout ships no message catalog, so the
 * copy comes straight from the catalogs (a few hundred bytes each).
 */
import { useEffect } from "react";
import zh from "@/messages/zh/common.json";
import en from "@/messages/en/common.json";
import { ProblemPage } from "@/components/feedback/problem-page.tsx";
import { Button, LinkButton } from "@/components/ui/button.tsx";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const copy = (typeof document !== "undefined" && document.documentElement.lang === "en" ? en : zh).error;
  useEffect(() => {
    // The digest matches the server log line; the message itself is never shown.
    console.warn("page error", error.digest ?? "");
  }, [error]);
  return (
    <ProblemPage
      code="500"
      title={copy.title}
      body={copy.body}
      action={
        <>
          <Button onClick={reset}>{copy.retry}</Button>
          <LinkButton href="/" variant="secondary">
            {copy.home}
          </LinkButton>
        </>
      }
    />
  );
}
