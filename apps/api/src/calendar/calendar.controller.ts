import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CalendarYear } from '@taizhang/domain';
import { idPipe } from '../common/id.pipe';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { AddWorkingDaysQueryDto, CountWorkingDaysQueryDto, PutCalendarYearDto } from './calendar.dto';
import { CalendarService } from './calendar.service';

/** Convention: the start day is not counted; the Nth working day after it is the deadline. */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('working-days/add')
  @SignedIn()
  async add(@Query() q: AddWorkingDaysQueryDto): Promise<{ date: string }> {
    return { date: await this.calendar.addWorkingDays(q.start, q.days) };
  }

  @Get('working-days/count')
  @SignedIn()
  async count(@Query() q: CountWorkingDaysQueryDto): Promise<{ days: number }> {
    return { days: await this.calendar.countWorkingDays(q.start, q.end) };
  }

  @Get('years')
  @SignedIn()
  years(): Promise<CalendarYear[]> {
    return this.calendar.years();
  }

  @Put('years/:year')
  @Roles('admin')
  putYear(@User() user: CurrentUser, @Param('year', idPipe('年份 / year')) year: number, @Body() body: PutCalendarYearDto): Promise<CalendarYear> {
    return this.calendar.putYear(user, { year, holidays: body.holidays, makeUpWorkdays: body.makeUpWorkdays, source: body.source ?? 'admin' });
  }
}
