import { describe, expect, it } from "vitest";
import { UPLOAD_BUDGET_BYTES, withinUploadBudget } from "./upload";

const MB = 1024 * 1024;

describe("withinUploadBudget", () => {
  it("reads bodies while their sizes fit the budget; the next waits for one to finish", async () => {
    const order: string[] = [];
    let finishFirst!: () => void;
    const first = withinUploadBudget(30 * MB, async () => {
      order.push("first starts");
      await new Promise<void>((go) => (finishFirst = go));
      order.push("first ends");
    });
    const small = withinUploadBudget(10 * MB, async () => void order.push("small"));
    const second = withinUploadBudget(30 * MB, async () => void order.push("second"));
    await small;
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual(["first starts", "small"]);
    finishFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["first starts", "small", "first ends", "second"]);
  });

  it("counts a body without a declared size as the largest, and frees the budget on failure", async () => {
    let inside = 0;
    let most = 0;
    const run = (size: number | null, fail = false) =>
      withinUploadBudget(size, async () => {
        most = Math.max(most, ++inside);
        await new Promise((r) => setTimeout(r, 5));
        inside--;
        if (fail) throw new Error("refused");
      }).catch(() => {});
    await Promise.all([run(null, true), run(null), run(UPLOAD_BUDGET_BYTES * 2)]);
    expect(most).toBe(1);
  });
});
