import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CalendarYear } from '@taizhang/domain';
import type {
  CalendarStatusResponse,
  CalendarYearResponse,
  NoticePreviewResponse,
  WorkingDaysAddResponse,
  WorkingDaysCountResponse,
} from '@taizhang/contracts';
import { idPipe } from '../common/id.pipe';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import {
  AddWorkingDaysQueryDto,
  CalendarDayDto,
  CountWorkingDaysQueryDto,
  NoticeTextDto,
  PutCalendarYearDto,
} from './calendar.dto';
import { CalendarService } from './calendar.service';

/** Convention: the start day is not counted; the Nth working day after it is the deadline. */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('working-days/add')
  @SignedIn()
  add(@Query() q: AddWorkingDaysQueryDto): Promise<WorkingDaysAddResponse> {
    return this.calendar.addWorkingDays(q.start, q.days);
  }

  @Get('working-days/count')
  @SignedIn()
  count(@Query() q: CountWorkingDaysQueryDto): Promise<WorkingDaysCountResponse> {
    return this.calendar.countWorkingDays(q.start, q.end);
  }

  @Get('status')
  @SignedIn()
  status(): Promise<CalendarStatusResponse> {
    return this.calendar.status();
  }

  @Get('years')
  @SignedIn()
  years(): Promise<CalendarYear[]> {
    return this.calendar.years();
  }

  @Get('years/:year')
  @SignedIn()
  year(@Param('year', idPipe('年份 / year')) year: number): Promise<CalendarYearResponse> {
    return this.calendar.year(year);
  }

  @Put('years/:year')
  @Roles('admin')
  putYear(
    @User() user: CurrentUser,
    @Param('year', idPipe('年份 / year')) year: number,
    @Body() body: PutCalendarYearDto,
  ): Promise<CalendarYear> {
    return this.calendar.putYear(user, {
      year,
      holidays: body.holidays,
      makeUpWorkdays: body.makeUpWorkdays,
      source: body.source ?? 'admin',
    });
  }

  @Put('days/:date')
  @Roles('admin')
  setDay(
    @User() user: CurrentUser,
    @Param('date') date: string,
    @Body() body: CalendarDayDto,
  ): Promise<CalendarYearResponse> {
    return this.calendar.setDay(user, date, body);
  }

  @Post('notices/preview')
  @HttpCode(200)
  @Roles('admin')
  previewNotice(@Body() body: NoticeTextDto): Promise<NoticePreviewResponse> {
    return this.calendar.previewNotice(body.text);
  }

  @Post('notices/confirm')
  @Roles('admin')
  confirmNotice(@User() user: CurrentUser, @Body() body: NoticeTextDto): Promise<CalendarYearResponse> {
    return this.calendar.confirmNotice(user, body.text);
  }
}
