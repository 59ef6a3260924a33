/**
 * The local outbox: where sign-in emails go when no mail server is configured on a localhost
 * site. In memory only (a restart empties it), newest first, the last 50.
 *
 * Kept on globalThis because Next.js bundles the auth route and the outbox page into different
 * chunks: a module-level array would give each its own outbox.
 */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The sign-in link inside the message. */
  url: string;
  sentAt: Date;
}

export const outboxCapacity = 50;

const globalForOutbox = globalThis as typeof globalThis & { __tuiquanDevOutbox?: OutboxMessage[] };

function store(): OutboxMessage[] {
  globalForOutbox.__tuiquanDevOutbox ??= [];
  return globalForOutbox.__tuiquanDevOutbox;
}

let sequence = 0;

export function addToOutbox(message: Omit<OutboxMessage, "id" | "sentAt"> & { sentAt?: Date }): OutboxMessage {
  const entry: OutboxMessage = { ...message, id: `${Date.now().toString(36)}-${(sequence++).toString(36)}`, sentAt: message.sentAt ?? new Date() };
  const messages = store();
  messages.unshift(entry);
  messages.splice(outboxCapacity);
  return entry;
}

/** Newest first. A copy: callers cannot change the outbox. */
export function listOutbox(): OutboxMessage[] {
  return [...store()];
}

export function clearOutbox(): void {
  store().length = 0;
}
