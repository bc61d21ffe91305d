// A clock for in-process runs (helpers/in-process-cli.ts): time stands still while a run works and a wait
// moves it on at once, so a test of "wait for the next step" takes no real time and gives the same result
// whatever second it starts in, however loaded the machine is.

/** A clock whose waits take no real time. */
export interface FakeClock {
  /** Unix seconds: the start, plus every wait so far. */
  readonly now: () => number;
  /** Moves the clock on by `seconds` (what the run would have waited) and records the wait. */
  readonly sleep: (seconds: number) => Promise<void>;
  /** The waits asked for, in seconds, in order. */
  readonly waits: readonly number[];
}

/** A clock reading `start` (Unix seconds) until a run waits. */
export function fakeClock(start: number): FakeClock {
  let t = start;
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (seconds) => {
      waits.push(seconds);
      t += seconds;
    },
    waits,
  };
}
