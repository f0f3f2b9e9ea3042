import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';

/**
 * The global ValidationPipe, except that path parameters stay the strings they came as: its own conversion of a
 * `number` parameter is `+value`, which reads `0x1`, ` 1` and `1e0` as 1 before the id pipe could refuse them.
 */
export class AppValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, metadata: ArgumentMetadata): unknown {
    return metadata.type === 'param' ? value : super.transformPrimitive(value, metadata);
  }
}
