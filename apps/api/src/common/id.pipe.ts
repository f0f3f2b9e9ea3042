import { BadRequestException, ParseIntPipe } from '@nestjs/common';

/** Parses a numeric id from the path, answering 400 in both languages when it is not one. */
export function idPipe(label: string): ParseIntPipe {
  const [zh, en] = label.split(' / ');
  return new ParseIntPipe({ exceptionFactory: () => new BadRequestException(`${zh}应为正整数 / ${en} must be a positive whole number`) });
}
