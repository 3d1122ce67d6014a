import { randomBytes } from "node:crypto";
import { pino } from "pino";
import { expect, it } from "vitest";
import { describeEachStore } from "../test/support/stores";
import { startHousekeeping } from "./housekeeping";

describeEachStore("housekeeping", (store) => {
  it("stops only once the run in hand has finished, so that the store can close after it", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const runs: string[] = [];
    // The first run starts at once, as at the server's start; a SIGTERM can come while it runs.
    const housekeeping = startHousekeeping(store().db, randomBytes(32), logger, 60_000, undefined, (outcome) => runs.push(outcome));
    await housekeeping.stop();
    expect(runs).toEqual(["ok"]);
    expect(lines.filter((line) => line.includes("housekeeping failed"))).toEqual([]);
  });
});
