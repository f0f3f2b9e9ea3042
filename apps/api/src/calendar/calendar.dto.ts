import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = (field: string) => `${field} 应为日期 YYYY-MM-DD / ${field} must be a date written YYYY-MM-DD`;

export class AddWorkingDaysQueryDto {
  @ApiProperty({ example: '2020-09-30', description: '起始日（不计入）/ start day (not counted)' })
  @Matches(DATE, { message: DATE_MESSAGE('start') })
  start!: string;

  @ApiProperty({ example: 5, description: '工作日数 / number of working days' })
  @Type(() => Number)
  @IsInt({ message: 'days 应为 0 至 3650 的整数 / days must be a whole number from 0 to 3650' })
  @Min(0, { message: 'days 应为 0 至 3650 的整数 / days must be a whole number from 0 to 3650' })
  @Max(3650, { message: 'days 应为 0 至 3650 的整数 / days must be a whole number from 0 to 3650' })
  days!: number;
}

export class CountWorkingDaysQueryDto {
  @ApiProperty({ example: '2020-09-30', description: '起始日（不计入）/ start day (not counted)' })
  @Matches(DATE, { message: DATE_MESSAGE('start') })
  start!: string;

  @ApiProperty({ example: '2020-10-12', description: '截止日（计入）/ end day (counted)' })
  @Matches(DATE, { message: DATE_MESSAGE('end') })
  end!: string;
}

export class PutCalendarYearDto {
  @ApiProperty({ type: [String], example: ['2027-01-01'], description: '法定节假日（含假期中的周末）/ official days off' })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: DATE_MESSAGE('holidays') })
  holidays!: string[];

  @ApiProperty({ type: [String], example: ['2027-02-07'], description: '调休上班日 / make-up working days' })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: DATE_MESSAGE('makeUpWorkdays') })
  makeUpWorkdays!: string[];

  @ApiProperty({ required: false, example: '国办发明电〔2026〕X号' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;
}
