import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '../auth/access.decorator';
import type { AuditEntity } from './audit.entity';
import { AuditService } from './audit.service';

class AuditQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 应为 1 至 1000 的整数 / limit must be a whole number from 1 to 1000' })
  @Min(1, { message: 'limit 应为 1 至 1000 的整数 / limit must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'limit 应为 1 至 1000 的整数 / limit must be a whole number from 1 to 1000' })
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'beforeId 应为整数 / beforeId must be a whole number' })
  beforeId?: number;
}

const CSV_COLUMNS: Array<keyof AuditEntity> = ['id', 'at', 'userId', 'username', 'kind', 'action', 'entity', 'entityId', 'statusCode', 'before', 'after'];

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first; page with beforeId. */
  @Get()
  @Roles('admin')
  list(@Query() q: AuditQueryDto): Promise<AuditEntity[]> {
    return this.audit.list(q.limit ?? 100, q.beforeId);
  }

  /** The whole trail as CSV (UTF-8 with BOM for Excel). */
  @Get('export')
  @Roles('admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="taizhang-audit.csv"')
  async export(): Promise<string> {
    const rows = await this.audit.list(100_000);
    const cell = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      // A leading = + - @ would make Excel read a formula: prefix a quote.
      const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
      return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    return '\uFEFF' + [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
  }
}
