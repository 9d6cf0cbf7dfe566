# The admin UI as static files behind nginx, which also routes /api/<service>/ to each service.
FROM node:20.20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --config apps/admin/vite.config.mts
# precompressed copies for nginx's gzip_static (best gzip once at build time, not per request)
RUN find dist/apps/admin -type f \( -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' -o -name '*.json' \) -exec gzip -9 -k {} \;

FROM nginx:1.27-alpine
# a template: the image's entrypoint fills in ${GATEWAY_SECRET} (only defined variables; nginx's own $vars stay)
COPY docker/nginx.conf /etc/nginx/templates/default.conf.template
COPY --from=build /src/dist/apps/admin /usr/share/nginx/html
