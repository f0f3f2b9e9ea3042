import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEntryResponse } from '@taizhang/contracts';
import { shanghaiTime } from '@taizhang/domain';
import { Roles } from '../auth/access.decorator';
import { AuditQueryDto } from './audit.dto';
import type { AuditEntity } from './audit.entity';
import { AuditService } from './audit.service';

// atBeijing: the same instant as Asia/Shanghai local time, for a reader; at stays the exact UTC instant.
const CSV_COLUMNS: Array<keyof AuditEntity | 'atBeijing'> = [
  'id',
  'at',
  'atBeijing',
  'userId',
  'username',
  'kind',
  'action',
  'entity',
  'entityId',
  'statusCode',
  'before',
  'after',
];

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first, filtered by who (username), what (kind, entity, words of the action) and when (from, to: Beijing days); page with beforeId. */
  @Get()
  @Roles('admin')
  list(@Query() q: AuditQueryDto): Promise<AuditEntryResponse[]> {
    const { limit, ...filter } = q;
    return this.audit.list(limit ?? 100, filter);
  }

  /** The whole trail as CSV (UTF-8 with BOM for Excel). */
  @Get('export')
  @Roles('admin')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="taizhang-audit.csv"')
  async export(@Query() q: AuditQueryDto): Promise<string> {
    // The export is the whole filtered trail: no paging.
    const filter = { username: q.username, kind: q.kind, entity: q.entity, action: q.action, from: q.from, to: q.to };
    const rows = await this.audit.list(100_000, filter);
    const cell = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      // A leading = + - @ would make Excel read a formula: prefix a quote.
      const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
      return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    return (
      '\uFEFF' +
      [
        CSV_COLUMNS.join(','),
        ...rows.map((r) => CSV_COLUMNS.map((c) => cell(c === 'atBeijing' ? shanghaiTime(r.at) : r[c])).join(',')),
      ].join('\n') +
      '\n'
    );
  }
}
