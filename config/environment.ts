/**
 * The one module that reads `process.env`. An entry point (server/main.ts, the ingest and
 * ask CLIs, eval/run.ts, bench/run.ts) calls {@link configFromEnvironment} once and passes
 * the frozen result down; a child process it starts gets its settings from its own
 * environment (built with {@link childEnvironment}) or in its start message.
 */
import { existsSync } from 'node:fs';
import { loadConfig, type Config, type Environment } from './config.ts';

export interface FromEnvironmentOptions {
  /** A dotenv file read first when it exists (the real environment wins over it). */
  dotEnvFile?: string;
  /** Values that win over the environment (command-line flags such as `--port`). */
  overrides?: Environment;
}

/** Parse this process's environment. Throws AppError CONFIG_INVALID as loadConfig does. */
export function configFromEnvironment(opts: FromEnvironmentOptions = {}): Config {
  if (opts.dotEnvFile && existsSync(opts.dotEnvFile)) process.loadEnvFile(opts.dotEnvFile);
  return loadConfig({ ...process.env, ...opts.overrides });
}

/**
 * The environment for a child process: this process's (PATH, HOME … pass through) with
 * `overrides` on top.
 */
export function childEnvironment(overrides: Environment = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
