/**
 * The console's keyboard (Discourse's and Gmail's letters): a key press → a command, or null when
 * the key is not the console's or the reader is typing (a field, a modifier held, an IME composing).
 */
export type QueueCommand = "next" | "previous" | "approve" | "reject" | "feature" | "select" | "sanctions" | "help";

const commands: Record<string, QueueCommand> = {
  j: "next",
  k: "previous",
  a: "approve",
  r: "reject",
  f: "feature",
  x: "select",
  s: "sanctions",
  "?": "help",
};

/** The keys in the order the "?" list shows them. */
export const queueKeyList: ReadonlyArray<{ key: string; command: QueueCommand }> = Object.entries(commands).map(([key, command]) => ({ key, command }));

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  /** The element the key was pressed in. */
  targetTag: string;
  targetEditable: boolean;
}

export function queueCommandFor(press: KeyPress): QueueCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey || press.isComposing) return null;
  if (press.targetEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(press.targetTag)) return null;
  return commands[press.key] ?? null;
}
