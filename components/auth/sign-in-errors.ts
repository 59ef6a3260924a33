/**
 * next-auth v4's error codes (the `error` query parameter of its error page) that have their own
 * message in auth.json "error.*"; anything else shows the default message.
 */
export const signInErrorCodes = [
  "Verification",
  "Configuration",
  "AccessDenied",
  "EmailSignin",
  "OAuthSignin",
  "OAuthCallback",
  "OAuthCreateAccount",
  "EmailCreateAccount",
  "Callback",
  "OAuthAccountNotLinked",
  "SessionRequired",
] as const;

export type SignInErrorCode = (typeof signInErrorCodes)[number] | "Default";

export function knownSignInError(code: string | null | undefined): SignInErrorCode | "csrf" {
  if (code === "csrf") return "csrf";
  // next-auth lower-cases "configuration" in one place (a callback without a token).
  const match = signInErrorCodes.find((known) => known.toLowerCase() === (code ?? "").toLowerCase());
  return match ?? "Default";
}
