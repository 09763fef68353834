#!/usr/bin/env node
/**
 * Headless CLI over the same core services the app uses (no Electron).
 * `npm run --silent cli -- <command> [--json]`. With --json, stdout carries only JSON; logs and
 * errors go to stderr as one line. Secrets come from the environment or a prompt, never argv.
 */
import { runCli } from './run';

runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`casewalk: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
