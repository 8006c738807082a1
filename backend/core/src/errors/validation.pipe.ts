import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, InvalidInputException } from './domain.exception';
import { checkRequestValue } from './input-checks';

/** Flattens nested class-validator errors into `{ field: 'a.b', problems: [...] }`. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/**
 * Every request value is first checked for what no route takes (a NUL character, deep
 * nesting: checkRequestValue), then DTOs are validated and converted; unknown fields are
 * rejected, not silently dropped.
 */
class RequestValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      checkRequestValue(value, metadata.data ?? '');
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) =>
      new InvalidInputException('Request validation failed', toFieldProblems(errors)),
  });
}
