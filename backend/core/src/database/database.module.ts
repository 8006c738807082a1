import {
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CoreConfig } from '../config/core.config';
import { createDatabase, runMigrations } from './create-data-source';
import type { Database } from './create-data-source';

export const DATABASE = Symbol('DATABASE');

/** Provides the TypeORM DataSource (PostgreSQL or PGlite) and closes it on shutdown. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseModule.name);

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  static forRoot(serviceName: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DATABASE,
          inject: [CoreConfig],
          useFactory: async (config: CoreConfig): Promise<Database> => {
            const logger = new Logger(DatabaseModule.name);
            const database = await createDatabase(config, `revops-${serviceName}`);
            logger.log({
              msg: 'Database connected',
              kind: database.kind,
              location: database.location,
            });
            if (config.DB_RUN_MIGRATIONS) {
              const applied = await runMigrations(database);
              logger.log({ msg: 'Migrations checked', applied: applied.length, names: applied });
            }
            return database;
          },
        },
        { provide: DataSource, inject: [DATABASE], useFactory: (db: Database) => db.dataSource },
      ],
      exports: [DATABASE, DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
    this.logger.log({ msg: 'Database closed', kind: this.database.kind });
  }
}
