/** Holds the account area's place while we learn who is reading; invisible to assistive technology. */
export function AccountPlaceholder() {
  return <span aria-hidden="true" className="inline-block h-9 w-16 rounded-full bg-raised/70" />;
}
