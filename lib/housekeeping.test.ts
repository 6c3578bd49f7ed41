import { describe, expect, it } from "vitest";
import { atMostEvery } from "./housekeeping";

describe("atMostEvery", () => {
  it("runs the task on the first call, then once per interval whatever the number of calls", () => {
    let now = 1_000;
    let runs = 0;
    const tick = atMostEvery(
      60_000,
      async () => void runs++,
      () => now,
    );
    expect(tick()).toBe(true);
    for (let i = 0; i < 1_000; i++) tick();
    expect(runs).toBe(1);
    now += 59_999;
    expect(tick()).toBe(false);
    now += 1;
    expect(tick()).toBe(true);
    expect(runs).toBe(2);
  });

  it("swallows a failed task and tries again at the next interval", async () => {
    let now = 0;
    let calls = 0;
    const tick = atMostEvery(
      10,
      () => (calls++, Promise.reject(new Error("database gone"))),
      () => now,
    );
    expect(tick()).toBe(true);
    await new Promise((r) => setTimeout(r, 0)); // an unhandled rejection would fail the run
    now = 10;
    expect(tick()).toBe(true);
    expect(calls).toBe(2);
  });
});
