# syntax=docker/dockerfile:1
# One image for web (gunicorn), worker and beat. See docker-compose.yml.

# --- Front-end assets: GOV.UK Frontend compiled with the council's Sass -------------------
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY static ./static
COPY bin/copy-govuk-assets bin/copy-autocomplete ./bin/
RUN npm run build && bash bin/copy-govuk-assets && bash bin/copy-autocomplete

# --- The application ------------------------------------------------------------------------
FROM python:3.11-slim AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=protocol_site.settings.production \
    PORT=8000

WORKDIR /app
RUN groupadd --system protocol && useradd --system --gid protocol --home-dir /app protocol

# Dependencies first (the project itself installs no packages: pyproject lists packages = []),
# so this layer is rebuilt only when pyproject.toml changes. The `s3` extra lets the image keep
# attached files in a bucket when FILE_STORAGE_S3_BUCKET is set.
COPY pyproject.toml ./
RUN pip install '.[s3]'

COPY . .
COPY --from=assets /app/static/build ./static/build
COPY --from=assets /app/static/govuk ./static/govuk

# Static files are collected at build time with the production settings (hashed names,
# compressed copies for whitenoise). The values below exist only for this build step (a
# throwaway random key: production refuses a known one).
RUN DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
    DJANGO_ALLOWED_HOSTS=localhost \
    DATABASE_URL=sqlite:////tmp/collectstatic.sqlite3 \
    CELERY_BROKER_URL=memory:// \
    python manage.py collectstatic --noinput \
 && rm -f /tmp/collectstatic.sqlite3 \
 && mkdir -p var/media \
 && chown -R protocol:protocol var

USER protocol
EXPOSE 8000
# Health checks are per service in docker-compose.yml (web answers /healthz; worker and
# beat share this image but serve no HTTP).
# Workers, threads, timeouts and request limits: gunicorn.conf.py.
CMD ["gunicorn", "protocol_site.wsgi:application", "--config", "gunicorn.conf.py"]
