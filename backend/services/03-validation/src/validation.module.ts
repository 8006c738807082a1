import { Module } from '@nestjs/common';

/**
 * Placeholder for the validation feature: the service boots, answers /health and holds
 * its place in the all-in-one process. Its rules arrive with the validation issue.
 */
@Module({})
export class ValidationModule {}
