import { parseIsoDate } from '@taizhang/domain';
import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

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
