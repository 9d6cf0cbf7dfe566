# The admin UI as static files behind nginx, which also routes /api/<service>/ to each service.
FROM node:20.20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --config apps/admin/vite.config.mts

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/dist/apps/admin /usr/share/nginx/html
