/**
 * The SMTP transport for EMAIL_SERVER (smtp:// or smtps:// URL, nodemailer syntax), one pooled
 * transport per server URL and process.
 */
import nodemailer, { type Transporter } from "nodemailer";

const globalForMail = globalThis as typeof globalThis & { __tuiquanMailTransports?: Map<string, Transporter> };

export function getMailTransport(server: string): Transporter {
  globalForMail.__tuiquanMailTransports ??= new Map();
  let transport = globalForMail.__tuiquanMailTransports.get(server);
  if (!transport) {
    transport = nodemailer.createTransport(server);
    globalForMail.__tuiquanMailTransports.set(server, transport);
  }
  return transport;
}

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export async function sendMail(server: string, mail: OutgoingMail): Promise<void> {
  const info = await getMailTransport(server).sendMail(mail);
  // nodemailer resolves even when the server refused some recipients: treat that as a failure.
  const rejected = (info.rejected ?? []) as unknown[];
  if (rejected.length > 0) throw new Error(`The mail server refused the recipient (${rejected.length} rejected)`);
}
