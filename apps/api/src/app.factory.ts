import 'reflect-metadata';
import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { AppErrorFilter } from './common/app-error.filter';
import type { AppConfig } from './config/app-config';

/** Builds the whole application, as `main.ts` serves it and as the HTTP tests drive it. */
export async function createApp(config: AppConfig, options: { quiet?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: options.quiet ? ['error', 'warn'] : ['error', 'warn', 'log'] });
  // HTTPS-only headers (HSTS, upgrade-insecure-requests) only where the deployment serves HTTPS.
  app.use(helmet({
    hsts: config.cookieSecure,
    contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': config.cookieSecure ? [] : null } },
  }));
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(cookieParser());
  // A reviewed plan import (94 tasks with their text) is larger than the default 100 kB.
  app.useBodyParser('json', { limit: '5mb' });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true }));
  app.useGlobalFilters(new AppErrorFilter());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder().setTitle('Taizhang 台账 API').setDescription('法治政府建设计划任务台账监测 / compliance-metrics monitor').setVersion('0.1.0').addBearerAuth().build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'api/docs/json' });
  return app;
}
