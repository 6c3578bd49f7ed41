import type { Locale } from "@/lib/i18n/config";
import { dirOf } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translate";
import type { FinalStatus } from "@/lib/cases/workflow";

/** What one message says; everything else (subject, wording) comes from the message files. */
export type MailContent =
  | {
      kind: "confirmation";
      locale: Locale;
      receipt: string;
      unsubscribeUrl: string;
      oneClickUrl: string;
    }
  | {
      kind: "outcome";
      locale: Locale;
      outcome: FinalStatus;
      statementUrl?: string;
      unsubscribeUrl: string;
      oneClickUrl: string;
    };

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A message to a reporter, in their language: a plain-text part and an HTML part (right to
 * left in Arabic, inline styles only, no image, no tracking pixel), with a one-click
 * unsubscribe (RFC 8058) that needs no receipt.
 */
export function composeMail(c: MailContent): ComposedMail {
  const t = translator(c.locale);
  const paragraphs: { text: string; link?: string }[] =
    c.kind === "confirmation"
      ? [
          { text: t("mail.confirmation.intro") },
          { text: t("mail.confirmation.receipt", { receipt: c.receipt }) },
          { text: t("mail.confirmation.next") },
        ]
      : [
          { text: t("mail.outcome.intro") },
          { text: t("mail.outcome.result", { outcome: t(`outcomes.${c.outcome}`) }) },
          ...(c.statementUrl ? [{ text: t("mail.outcome.statement"), link: c.statementUrl }] : []),
        ];
  const footer = { text: t("mail.footer"), link: c.unsubscribeUrl, label: t("mail.unsubscribe") };
  const subject = t(`mail.${c.kind}.subject`);
  const text = [
    ...paragraphs.map((p) => (p.link ? `${p.text}\n${p.link}` : p.text)),
    "--",
    `${footer.text}\n${footer.label}: ${footer.link}`,
  ].join("\n\n");
  const dir = dirOf(c.locale);
  const align = dir === "rtl" ? "right" : "left";
  const para = (p: { text: string; link?: string }) =>
    `<p style="margin:0 0 16px">${escapeHtml(p.text)}${
      p.link ? `<br><a href="${escapeHtml(p.link)}" dir="ltr">${escapeHtml(p.link)}</a>` : ""
    }</p>`;
  const html = `<!doctype html>
<html lang="${c.locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body dir="${dir}" style="margin:0;padding:24px;direction:${dir};text-align:${align};font-family:Tahoma,Arial,sans-serif;font-size:16px;line-height:1.6;color:#111">
<div dir="${dir}" style="max-width:560px">
${paragraphs.map(para).join("\n")}
<hr style="border:0;border-top:1px solid #ccc;margin:24px 0">
<p style="margin:0;font-size:13px;color:#555">${escapeHtml(footer.text)} <a href="${escapeHtml(footer.link)}">${escapeHtml(footer.label)}</a></p>
</div>
</body>
</html>`;
  return {
    subject,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${c.oneClickUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
  };
}
