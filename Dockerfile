# One image for every service of the hub; docker-compose.yml picks the entry point per service.
FROM node:20-slim
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY shared ./shared
COPY schema ./schema
COPY gateway ./gateway
COPY subgraphs ./subgraphs
USER node
# tsx runs the TypeScript sources directly (no build step to drift from them).
ENTRYPOINT ["npx", "tsx"]
