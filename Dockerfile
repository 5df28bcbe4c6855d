# The console (console/dist), built with the development dependencies in a stage of its own; the
# image below carries only its output.
FROM node:20-slim AS console
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY schema ./schema
COPY shared ./shared
COPY gateway ./gateway
COPY console ./console
COPY scripts/build-console.ts ./scripts/
RUN npx tsx scripts/build-console.ts --force

# One image for every service of the hub; docker-compose.yml picks the entry point per service.
# Production dependencies only (tsx among them: it runs the TypeScript sources, so no build step
# can drift from them); the code belongs to root and the services run as the unprivileged `node`.
FROM node:20-slim
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY shared ./shared
COPY schema ./schema
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY --from=console /app/console/dist ./console/dist
USER node
# Node itself is process 1 and receives SIGTERM (each service drains on it); no npx in between.
ENTRYPOINT ["node", "--import", "tsx"]
