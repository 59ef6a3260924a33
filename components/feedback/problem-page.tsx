/**
 * The look of the 404 and error pages: a large quiet code, a title, one sentence and a way on.
 * Server-safe; `action` is where a client component puts its retry button.
 */
import type { ReactNode } from "react";
import { PageContainer } from "@/components/ui/page-container.tsx";

export function ProblemPage({ code, title, body, action }: { code: string; title: string; body: string; action: ReactNode }) {
  return (
    <PageContainer width="medium" className="flex min-h-[60dvh] flex-col items-start justify-center gap-5 py-20">
      <p aria-hidden="true" className="font-serif text-7xl leading-none font-semibold tracking-tight text-accent/80 sm:text-8xl">
        {code}
      </p>
      <h1 className="text-2xl font-semibold tracking-tight text-fg sm:text-3xl">{title}</h1>
      <p className="max-w-prose text-base leading-relaxed text-muted">{body}</p>
      <div className="mt-2 flex flex-wrap gap-3">{action}</div>
    </PageContainer>
  );
}
