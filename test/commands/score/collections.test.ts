import { describe, expect, it } from "vitest";
import { collectGarbage, FullCollections } from "../../../src/commands/score/collections.js";

describe("FullCollections", () => {
  it("collects each time the files handled pass a multiple of the interval, one at a time or by batches", () => {
    let collected = 0;
    const one = new FullCollections(10, () => collected++);
    for (let i = 0; i < 9; i++) one.handled();
    expect(collected).toBe(0);
    one.handled();
    expect(collected).toBe(1);
    for (let i = 0; i < 15; i++) one.handled();
    expect(collected).toBe(2);
    collected = 0;
    const batches = new FullCollections(10, () => collected++);
    for (let i = 0; i < 4; i++) batches.handled(16);
    // 16, 32, 48, 64: past 10; 20 and 30; 40; 50 and 60.
    expect(collected).toBe(4);
  });

  it("makes a full collection that frees what nothing holds", async () => {
    let target: object | undefined = { large: new Array(1000).fill("x") };
    const ref = new WeakRef(target);
    target = undefined;
    // A WeakRef's target is kept until the end of the current job.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
