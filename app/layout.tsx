/**
 * The real root layout is app/[locale]/layout.tsx (it sets <html lang>). This one only exists so
 * that app/not-found.tsx, for paths outside every locale, has a layout above it.
 */
import type { ReactNode } from "react";

export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
