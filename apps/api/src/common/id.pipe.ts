import { BadRequestException, type PipeTransform } from '@nestjs/common';

/** Ids are PostgreSQL `integer` columns: a larger number would make the query fail rather than find nothing. */
export const LARGEST_ID = 2_147_483_647;

/**
 * A numeric id from the path: decimal digits only, no sign, no leading zero, no space, no `0x1` or `1e0` (read with
 * `+value` and ParseIntPipe, `/evidence/0x1` was evidence 1). The path reaches it as sent: see AppValidationPipe.
 */
class IdPipe implements PipeTransform<string, number> {
  constructor(
    private readonly zh: string,
    private readonly en: string,
  ) {}

  transform(value: string): number {
    if (typeof value !== 'string' || !/^[1-9][0-9]*$/.test(value)) {
      throw new BadRequestException(`${this.zh}应为正整数 / ${this.en} must be a positive whole number`);
    }
    const id = Number(value);
    if (id > LARGEST_ID)
      throw new BadRequestException(
        `${this.zh}超出范围（最大 ${LARGEST_ID}） / ${this.en} is out of range (at most ${LARGEST_ID})`,
      );
    return id;
  }
}

/** Parses a numeric id from the path, answering 400 in both languages when it is not one. */
export function idPipe(label: string): PipeTransform<string, number> {
  const [zh, en] = label.split(' / ');
  return new IdPipe(zh, en);
}
