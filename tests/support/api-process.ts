import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

/** The built API (`apps/api/dist/main.js`) as its own process, the way `npm start` runs it. */
export interface ApiProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far. */
  output(): string;
}

const main = path.resolve(__dirname, '../../apps/api/dist/main.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts the API on a free port with `env` on top of this process's environment; resolves once it says it serves
 * on that port and /api/health answers. A port is free only when asked: another process (another suite's test app)
 * may take it first, in which case this one exits with EADDRINUSE and is started again on another port; a health
 * answer counts only after our process has said it listens, so it is never another process's.
 */
export async function startApi(env: Record<string, string>, timeoutMs = 30_000): Promise<ApiProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, WEB_DIST: '', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    child.stdout?.on('data', (d) => (printed += d));
    child.stderr?.on('data', (d) => (printed += d));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) {
        if (printed.includes('EADDRINUSE') && attempt < 5) break;
        throw new Error(`The API exited with ${child.exitCode}:\n${printed}`);
      }
      if (
        printed.includes(`serving http://localhost:${port}`) &&
        (await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        ))
      )
        return { child, url, output: () => printed };
      if (Date.now() > deadline) throw new Error(`The API did not answer within ${timeoutMs / 1000} s:\n${printed}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
