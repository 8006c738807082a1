import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, InvalidInputException } from './domain.exception';

/** Flattens nested class-validator errors into `{ field: 'a.b', problems: [...] }`. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/** DTOs are validated and converted; unknown fields are rejected, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) =>
      new InvalidInputException('Request validation failed', toFieldProblems(errors)),
  });
}
