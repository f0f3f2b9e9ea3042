import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEntryResponse } from '@taizhang/contracts';
import { Roles } from '../auth/access.decorator';
import { AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

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
  export(@Query() q: AuditQueryDto): Promise<string> {
    const filter = { username: q.username, kind: q.kind, entity: q.entity, action: q.action, from: q.from, to: q.to };
    return this.audit.exportCsv(filter);
  }
}
