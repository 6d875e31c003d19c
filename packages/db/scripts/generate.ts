// `pnpm db:generate`: prisma generate without the native engine (see prisma-generate.ts).
import { generatePrismaClient } from '../src/server/prisma-generate.ts';

try {
  await generatePrismaClient({ log: (message) => console.log(message) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
