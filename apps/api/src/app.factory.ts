import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { AppErrorFilter } from './common/app-error.filter';
import { AppValidationPipe } from './common/app-validation.pipe';
import { jsonBody } from './common/json-body';
import type { AppConfig } from './config/app-config';

/** Builds the whole application, as `main.ts` serves it and as the HTTP tests drive it. */
export async function createApp(config: AppConfig, options: { quiet?: boolean } = {}): Promise<NestExpressApplication> {
  // bodyParser false: JSON is the only body the API reads (besides multipart uploads), through jsonBody below.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.quiet ? ['error', 'warn'] : ['error', 'warn', 'log'],
  });
  // HTTPS-only headers (HSTS, upgrade-insecure-requests) only where the deployment serves HTTPS.
  app.use(
    helmet({
      hsts: config.cookieSecure,
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': config.cookieSecure ? [] : null,
        },
      },
    }),
  );
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(cookieParser());
  // Answers carry sessions, accounts and evidence: no cache keeps them unless a route says otherwise (the dashboard's ETags).
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(jsonBody());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new AppValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true }),
  );
  app.useGlobalFilters(new AppErrorFilter());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('Taizhang 台账 API')
    .setDescription('法治政府建设计划任务台账监测 / compliance-metrics monitor')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/json',
  });
  return app;
}
