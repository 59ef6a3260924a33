import type { ReactNode } from "react";
import { Card } from "@/components/ui/index.ts";

/** One titled card of the poll editor; the heading names the region for screen readers. */
export function EditorSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`section-${id}`}>
      <Card className="sm:p-7">
        <h2 id={`${id}-title`} className="mb-5 text-lg font-semibold tracking-tight text-fg">
          {title}
        </h2>
        {children}
      </Card>
    </section>
  );
}
