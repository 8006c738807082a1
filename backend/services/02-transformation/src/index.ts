export * from './transformation.module';
export * from './transformation.service';
export * from './identity/identity.service';
