import { describe, expect, it } from "vitest";
import { allowedEvents, nextStatus } from "./notice-states";

describe("takedown notice states", () => {
  it("goes sent → acknowledged → removed", () => {
    expect(nextStatus("prepared", "sent")).toBe("sent");
    expect(nextStatus("sent", "acknowledged")).toBe("acknowledged");
    expect(nextStatus("acknowledged", "removed")).toBe("removed");
  });
  it("refuses what does not follow: no answer before sending, nothing after removal", () => {
    expect(nextStatus("prepared", "acknowledged")).toBeNull();
    expect(nextStatus("prepared", "still_online")).toBeNull();
    expect(allowedEvents("removed")).toEqual([]);
    expect(nextStatus("acknowledged", "sent")).toBeNull();
  });
  it("a look that finds the link online keeps the state; one after a refusal may find it removed", () => {
    expect(nextStatus("no_answer", "still_online")).toBe("no_answer");
    expect(nextStatus("refused", "removed")).toBe("removed");
  });
});
