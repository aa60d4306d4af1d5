#!/usr/bin/env node
// qq-sdk-simulator: the offline QQ platform simulator as a standalone process, for bots in other
// processes or languages. Prints its URLs as JSON on the first line; stops on SIGINT/SIGTERM.
import { runSimulatorCli } from './runSimulatorCli.js';

const io = {
  out: (text: string): void => void process.stdout.write(text),
  err: (text: string): void => void process.stderr.write(text),
};

// No top-level await: this entry is also built as CommonJS.
runSimulatorCli(process.argv.slice(2), io).then(
  (sim) => {
    if (!sim) {
      if (!process.argv.includes('--help')) process.exitCode = 2;
      return;
    }
    const stop = (): void => {
      void sim.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    io.err(`qq-sdk-simulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
