/**
 * The frame of the sign-in pages: one centered card with a title, a sentence and the form or
 * message below. Server-safe.
 */
import type { ReactNode } from "react";
import { Card, CardDescription, CardTitle, PageContainer } from "@/components/ui/index.ts";

export function AuthCard({
  title,
  description,
  icon,
  children,
  testId,
}: {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <PageContainer width="narrow" className="flex min-h-[70dvh] flex-col justify-center">
      <Card data-testid={testId}>
        {icon ? (
          <div aria-hidden="true" className="mb-5 grid size-12 place-items-center rounded-full bg-accent-soft text-accent">
            {icon}
          </div>
        ) : null}
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
        {children ? <div className="mt-7">{children}</div> : null}
      </Card>
    </PageContainer>
  );
}

export function MailIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <rect x="3" y="5" width="18" height="14" rx="2.5" />
      <path d="m4 7 8 6 8-6" />
    </svg>
  );
}

export function AlertIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5M12 16.5v.01" />
    </svg>
  );
}

export function KeyIcon() {
  return (
    <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="8" cy="15" r="4" />
      <path d="m10.85 12.15 8.65-8.65M16 7l2.5 2.5M14 9l2 2" />
    </svg>
  );
}
