/** Secrets for the CLI: environment variables or a hidden prompt, never argv. */
import readline from 'node:readline';
import type { Secret } from '../core/store/workbench';
import { UsageError } from './args';

export async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('Set CASEWALK_PASSPHRASE (or CASEWALK_RECOVERY_KEY); there is no terminal to ask.');
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  let asked = false;
  out._writeToOutput = (s: string) => {
    if (!asked) {
      process.stderr.write(s);
      asked = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

export async function secretFromEnv(env: NodeJS.ProcessEnv, prompt = promptHidden): Promise<Secret> {
  if (env.CASEWALK_RECOVERY_KEY) return { kind: 'recovery', recoveryKey: env.CASEWALK_RECOVERY_KEY };
  const passphrase = env.CASEWALK_PASSPHRASE ?? (await prompt('Passphrase: '));
  return { kind: 'passphrase', passphrase, keyholderName: env.CASEWALK_MEMBER };
}

export async function newPassphraseFromEnv(env: NodeJS.ProcessEnv, name: string, prompt = promptHidden): Promise<string> {
  return env[name] ?? (await prompt('New passphrase: '));
}
