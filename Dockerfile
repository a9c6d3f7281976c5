# The marketplace as one container: gunicorn serving the site, static files and media.
#   docker build -t marketplace .
#   docker run --rm -v marketplace-data:/data -e SECRET_KEY=... marketplace marketplace migrate
#   docker run -p 8000:8000 -v marketplace-data:/data -e SECRET_KEY=... marketplace
# Without DATABASE_URL the embedded SQLite database and the uploaded media live in /data.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MARKETPLACE_DATA_DIR=/data \
    STATIC_ROOT=/app/static

WORKDIR /app

# The dependencies alone first: this layer is rebuilt only when pyproject.toml changes.
COPY pyproject.toml ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
# collectstatic signs nothing: a placeholder key lets the settings load. Containers get their own.
RUN pip install --no-deps -e . \
    && SECRET_KEY=collectstatic-only marketplace collectstatic --noinput --verbosity 0 \
    && useradd --system --home-dir /data --shell /usr/sbin/nologin marketplace \
    && mkdir -p /data \
    && chown marketplace /data

USER marketplace
VOLUME /data
EXPOSE 8000
CMD ["marketplace", "serve", "--host", "0.0.0.0", "--port", "8000"]
