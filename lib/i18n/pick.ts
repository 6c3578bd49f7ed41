import type { AbstractIntlMessages } from "next-intl";

/** Only the namespaces a client component uses travel to the browser. */
export function pickMessages(
  messages: AbstractIntlMessages,
  namespaces: string[],
): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((n) => n in messages).map((n) => [n, messages[n]]));
}
