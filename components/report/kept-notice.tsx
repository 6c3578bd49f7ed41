"use client";

import { useEffect } from "react";
import type { Translate } from "@/lib/i18n/client-strings";
import { keepOnDevice } from "@/lib/receipts/kept";

/**
 * On the receipt, with JavaScript: keeps the receipt on this device for the tracking page's
 * list, and says so. Loaded with the receipt, not with the form (its page budget).
 */
export default function KeptNotice({
  receipt,
  submittedAt,
  t,
}: {
  receipt: string;
  submittedAt: string;
  t: Translate;
}) {
  useEffect(() => keepOnDevice({ receipt, submittedAt }), [receipt, submittedAt]);
  return (
    <p className="text-sm" data-testid="receipt-kept-on-device">
      {t("keptOnDevice")}
    </p>
  );
}
