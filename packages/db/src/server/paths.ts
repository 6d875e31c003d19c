import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/db, resolved from this file so scripts work from any cwd. */
export const dbPackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const prismaDir = path.join(dbPackageDir, 'prisma');
export const schemaPath = path.join(prismaDir, 'schema.prisma');
export const migrationsDir = path.join(prismaDir, 'migrations');
export const generatedClientDir = path.join(dbPackageDir, 'src', 'generated');
