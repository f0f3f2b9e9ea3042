import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { SeedLoaderService } from './seed-loader.service';

@Module({ imports: [SubmissionsModule], providers: [SeedLoaderService], exports: [SeedLoaderService] })
export class SeedingModule {}
