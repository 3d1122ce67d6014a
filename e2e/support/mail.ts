import { expect } from "@playwright/test";

export type Mail = { to: string[]; subject: string; text: string | null; messageId: string | null };

const MAIL_URL = `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT ?? 2526}/messages`;

/** Every mail the test SMTP server has received so far, in order of arrival. */
export async function receivedMails(): Promise<Mail[]> {
  return (await (await fetch(MAIL_URL)).json()) as Mail[];
}

/** Waits for the mail to `address` that the portal's outbox worker delivers to the test SMTP server. */
export async function mailTo(address: string, match: (mail: Mail) => boolean = () => true): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const mails = await receivedMails();
        found = mails.find((m) => m.to.includes(address) && match(m));
        return Boolean(found);
      },
      { timeout: 20_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}
