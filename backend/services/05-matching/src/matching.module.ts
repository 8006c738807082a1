import { Module } from '@nestjs/common';

/**
 * Placeholder for the matching feature: the service boots, answers /health and holds
 * its place in the all-in-one process. Its rules arrive with the matching issue.
 */
@Module({})
export class MatchingModule {}
