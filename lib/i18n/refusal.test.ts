import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import { refusalMessage } from "./refusal";

describe("refusalMessage", () => {
  // Typed messages make keys literal; the app's translators take any string.
  const t = createTranslator({
    locale: "en",
    messages: en,
    namespace: "staff.case",
  }) as unknown as Parameters<typeof refusalMessage>[0];
  it("says why, from the message files", () => {
    expect(refusalMessage(t, "note_required")).toBe(en.staff.case.refused.note_required);
  });
  it("falls back to the generic message for an unknown or odd key", () => {
    for (const key of [undefined, "", "no_such_reason", "a.b", "<script>"])
      expect(refusalMessage(t, key)).toBe(en.staff.case.refused.error);
  });
});
