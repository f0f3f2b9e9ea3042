import { parseIsoDate } from '@taizhang/domain';
import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { LARGEST_ID } from './id.pipe';

// Characters that show nothing: whitespace, controls, format characters (zero-width space, joiners, BOM, bidi
// marks) and the blank letters and symbols that fonts draw as empty (Hangul fillers, braille blank).
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\u115f\u1160\u2800\u3164\uffa0]/gu;

/** Whether a string has at least one character a reader can see. */
export function hasVisibleText(value: unknown): boolean {
  return typeof value === 'string' && value.replace(INVISIBLE, '').length > 0;
}

/** Required text: refuses text of only spaces, zero-width or other invisible characters (`/\S/` lets U+200B through). */
export function HasVisibleText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'hasVisibleText', validator: { validate: hasVisibleText } }, options);
}

/** Whether a value is a date written YYYY-MM-DD that exists on the calendar (no 2020-02-30, 2020-13-45, 0000-00-00). */
export function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** A date field: written YYYY-MM-DD and a day that exists. */
export function IsRealDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isRealDate', validator: { validate: isRealDate } }, options);
}

/**
 * A field that may be left out but not sent as null: class-validator's @IsOptional skips null as well as undefined,
 * so `{"dueWorkingDays": null}` would pass every rule below it and reach the database.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}

/**
 * A whole number from `min` (up to `max`), or an array of them with `each`: one message for whichever rule it breaks,
 * so that the clerk reads one sentence saying what is wanted.
 */
export function IsWholeNumber(
  message: string,
  range: { min: number; max?: number; each?: boolean },
): PropertyDecorator {
  const options = { message, ...(range.each ? { each: true } : {}) };
  return applyDecorators(
    IsInt(options),
    Min(range.min, options),
    ...(range.max === undefined ? [] : [Max(range.max, options)]),
  );
}

/** Plain decimal digits: how a whole number is written in a query string. */
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * A query-string value read as a number only when written in plain decimal digits. `@Type(() => Number)` is
 * `Number(value)`, which reads `0x1`, ` 1`, `1e0` and an empty value as numbers; here they stay strings and fail the
 * field's check, as the id pipe refuses them in the path.
 */
function decimalOnly({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
}

/** A whole number sent as text (a query string, a multipart form field: page, limit, year…), in plain decimal digits, within `range`. */
export function WholeNumberInText(message: string, range: { min: number; max?: number }): PropertyDecorator {
  return applyDecorators(Transform(decimalOnly), IsWholeNumber(message, range));
}

/**
 * An id sent as text (a query string: `?planId=1`): plain decimal digits, from 1 to the largest database integer (beyond it
 * PostgreSQL would fail the query rather than find nothing). `zh` and `en` name the field ("计划编号 planId", "planId").
 */
export function IdInText(zh: string, en: string): PropertyDecorator {
  const message = `${zh} 应为正整数 / ${en} must be a positive whole number`;
  return applyDecorators(
    Transform(decimalOnly),
    IsInt({ message }),
    Min(1, { message }),
    Max(LARGEST_ID, {
      message: `${zh} 超出范围（最大 ${LARGEST_ID}） / ${en} is out of range (at most ${LARGEST_ID})`,
    }),
  );
}
