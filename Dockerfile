# syntax=docker/dockerfile:1
# Production image: Next's self-contained server (output "standalone"), run as a non-root user.
# No secrets are baked in: configuration comes from the environment at run time (see .env.example).
# Podman/Buildah keep HEALTHCHECK only with `--format docker`.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
# V8's heap kept at 192 MB like `npm start`: without a limit it grows to several hundred MB of
# garbage before collecting (README, Performance). Set NODE_OPTIONS at run time to change it.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 \
    PGLITE_DIR=/app/.data/pglite NODE_OPTIONS=--max-old-space-size=192
RUN groupadd --gid 1001 broker \
 && useradd --uid 1001 --gid broker --no-create-home --home-dir /app --shell /usr/sbin/nologin broker \
 && mkdir -p /app/.data && chown broker:broker /app/.data
COPY --from=build --chown=broker:broker /app/.next/standalone ./
COPY --from=build --chown=broker:broker /app/.next/static ./.next/static
COPY --from=build --chown=broker:broker /app/public ./public
# Applied on start, under an advisory lock when several instances start together.
COPY --from=build --chown=broker:broker /app/db/migrations ./db/migrations
USER broker
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
