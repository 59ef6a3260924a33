/** The first stop of the Tab key: straight to the page's main content. */
export function SkipLink({ label }: { label: string }) {
  return (
    <a
      href="#content"
      className="sr-only-focusable fixed top-3 left-3 z-50 rounded-full bg-fg px-4 py-2 text-sm font-medium text-bg shadow-lg"
    >
      {label}
    </a>
  );
}
