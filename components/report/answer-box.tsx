"use client";

import type { Translate } from "@/lib/i18n/client-strings";
import type { IntakeAnswer } from "@/lib/statements/schema";

/** On the receipt: a published statement already answers what was reported. */
export default function AnswerBox({ answer, t }: { answer: IntakeAnswer; t: Translate }) {
  return (
    <aside
      data-testid="receipt-answer"
      aria-labelledby="receipt-answer-heading"
      className="space-y-2 rounded-lg border-s-4 border-brand-700 bg-brand-50 p-4"
    >
      <h2 id="receipt-answer-heading" className="text-lg font-bold">
        {t("answeredHeading")}
      </h2>
      <p>{t("answeredIntro")}</p>
      <p className="font-semibold" lang={answer.lang} dir="auto">
        <span className="me-2 rounded bg-brand-700 px-2 py-0.5 text-sm text-white">
          {t(`answerTypes.${answer.type}`)}
        </span>
        {answer.title}
      </p>
      <p lang={answer.lang} dir="auto">
        {t("answeredVerdict")} <bdi>{answer.verdict}</bdi>
      </p>
      <a href={answer.url} className="inline-block font-semibold text-brand-700 underline">
        {t("answeredRead")}
      </a>
    </aside>
  );
}
