// Desk: reading a new password for `kehoach user add` without it ever appearing on the command line (shell history,
// the process list): typed twice with echo off at a terminal, or the first line of standard input from a script.
import readline from 'node:readline';
import { PipelineError } from '../shared/pipeline-error.ts';

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let muted = false;
    output._writeToOutput = (s: string) => {
      if (!muted || s.includes('\n')) process.stderr.write(muted ? '\n' : s);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      resolve(answer);
    });
    muted = true;
  });
}

async function firstLine(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

/**
 * Reads the password: at a terminal asks twice (hidden) and checks both agree; otherwise reads one line from stdin.
 * @throws PipelineError('usage') when the two entries differ or nothing was given
 */
export async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden('Mật khẩu: ');
    const second = await askHidden('Nhập lại mật khẩu: ');
    if (first !== second) throw new PipelineError('usage', 'Hai lần nhập mật khẩu không giống nhau.');
    return first;
  }
  const line = await firstLine();
  if (!line) throw new PipelineError('usage', 'Không nhận được mật khẩu: gõ tại màn hình, hoặc đưa một dòng vào đầu vào chuẩn (echo ... | kehoach user add ...).');
  return line;
}
