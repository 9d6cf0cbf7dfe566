import { Body, Controller, Get, Headers, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, ApiIfMatch, CurrentPrincipal, withEtag, YearParam } from '@cws/platform';
import { CanEditCalendar, CanReadCalendar } from '../common/access';
import { PutCalendarDto } from './calendar.dto';
import { calendarEtag, CalendarService } from './calendar.service';
import { HolidayCalendarSchema } from '@cws/scheduler-contracts';

@ApiTags('calendar')
@Controller('v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':year')
  @CanReadCalendar()
  @Answers(HolidayCalendarSchema, '某年节假日与调休安排', 'The year’s statutory holidays, rest days moved by 调休 and adjusted working days')
  async get(@Param() { year }: YearParam) {
    const c = await this.calendar.get(year);
    return withEtag(c, calendarEtag(c)!);
  }

  @Put(':year')
  @CanEditCalendar()
  @Answers(HolidayCalendarSchema, '设置某年节假日与调休安排', 'Replace the year’s holiday arrangement (city administrators)')
  @ApiIfMatch({ create: true })
  async put(
    @CurrentPrincipal() p: Principal,
    @Param() { year }: YearParam,
    @Body() dto: PutCalendarDto,
    @Headers('if-match') ifMatch?: string,
    @Headers('if-none-match') ifNoneMatch?: string,
  ) {
    const c = await this.calendar.put(p, year, dto, { ifMatch, ifNoneMatch });
    return withEtag(c, calendarEtag(c)!);
  }
}
