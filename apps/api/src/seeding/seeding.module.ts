import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { SeedLoaderService } from './seed-loader.service';

/** Loads the demo plan when the application starts (after migrations, which TypeORM runs on connect). */
@Module({ providers: [SeedLoaderService], exports: [SeedLoaderService] })
export class SeedingModule implements OnApplicationBootstrap {
  constructor(private readonly seedLoader: SeedLoaderService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seedLoader.loadDemoPlan();
  }
}
