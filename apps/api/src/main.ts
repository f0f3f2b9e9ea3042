import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { loadConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port);
  new Logger('Taizhang').log(
    `台账 Taizhang serving http://localhost:${config.port} (${config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.sqlitePath}`})`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
