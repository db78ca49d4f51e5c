import nodemailer, { type Transporter } from "nodemailer";
import type { EmailConfig } from "@/lib/config";

export interface Email {
  to: string;
  subject: string;
  text: string;
}

// One transport per process and SMTP URL, on globalThis like the database: the worker and the
// cron route live in different module graphs.
const cache = globalThis as unknown as { __brokerMailer?: { url: string; transport: Transporter } };

function transportFor(config: EmailConfig): Transporter {
  if (cache.__brokerMailer?.url !== config.smtpUrl) {
    cache.__brokerMailer = {
      url: config.smtpUrl,
      transport: nodemailer.createTransport({
        url: config.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as Parameters<typeof nodemailer.createTransport>[0]),
    };
  }
  return cache.__brokerMailer.transport;
}

/** Sends one email; rejects when the SMTP server refuses it or cannot be reached. */
export async function sendEmail(config: EmailConfig, email: Email): Promise<void> {
  await transportFor(config).sendMail({ from: config.from, ...email });
}
