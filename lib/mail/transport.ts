import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** An SMTP server by URL (nodemailer), its connections kept open between messages. */
export function smtpTransport(url: string): MailTransport {
  const u = new URL(url);
  if (!u.searchParams.has("pool")) u.searchParams.set("pool", "true");
  const t = nodemailer.createTransport(u.toString());
  return { send: async (m) => void (await t.sendMail(m)) };
}

/** Without SMTP_URL: each message as an .eml file (open it in any mail client). */
export function fileTransport(dir: string): MailTransport {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(m) {
      const info = await t.sendMail(m);
      await fs.mkdir(dir, { recursive: true });
      const name = m.messageId.replace(/[^\w.-]/g, "_");
      await fs.writeFile(path.join(dir, `${name}.eml`), info.message as Buffer);
    },
  };
}

export const OUTBOX_DIR = () => path.join(env.dataDir, "outbox");

/** The app's own address in a message's links: PUBLIC_URL, else this server on its port. */
export const mailOrigin = () =>
  (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");

export const defaultTransport = (): MailTransport =>
  env.SMTP_URL ? smtpTransport(env.SMTP_URL) : fileTransport(OUTBOX_DIR());
