import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DashboardModule } from './dashboard/dashboard.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { PlansModule } from './plans/plans.module';
import { SeedingModule } from './seeding/seeding.module';

@Global()
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const serveWeb = config.webDist && existsSync(config.webDist)
      ? [ServeStaticModule.forRoot({ rootPath: config.webDist, exclude: ['/api/{*path}'] })]
      : [];
    return {
      module: AppModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config)), ...serveWeb, HealthModule, PlansModule, DashboardModule, SeedingModule],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
