import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline/promises';
import { AppModule } from '../app.module';
import { AuthService } from '../auth/auth.service';
import { loadConfig } from '../config/app-config';

/**
 * Creates (or resets) an admin account outside demo mode, where there are no default passwords:
 *   npm run create-admin -- <username>
 * The password is read from standard input, so it never appears in the shell history or the process list.
 */
async function main(): Promise<void> {
  const username = process.argv[2];
  if (!username || !/^[A-Za-z0-9._-]{2,64}$/.test(username)) {
    console.error('Usage: npm run create-admin -- <username>   (2–64 letters, digits or . _ -)');
    process.exit(2);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write(`Password for ${username} (at least 8 characters): `);
  const password = (await rl.question('')).trim();
  rl.close();
  // No scheduler, no seeding, no HTTP: only the database and the auth service.
  const config = { ...loadConfig(), demo: false, webDist: null };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { headless: true }), {
    logger: ['error'],
  });
  try {
    await app.get(AuthService).upsertUser(username, password, 'admin', null);
    console.log(`Admin account "${username}" is ready.`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? ((error as { messageEn?: string }).messageEn ?? error.message) : error);
  process.exit(1);
});
