"""The shared cache (CACHE_URL: Redis) for things that can always be read again from the
database: a cache that is down is a miss, never an error on a page. People can still log
enquiries when Redis is down (the outbox keeps their emails); /healthz/all reports it."""

from __future__ import annotations

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class TolerantRedisCache(RedisCache):
    def _tolerate(self, what: str, call, default=None):
        try:
            return call()
        except (RedisError, OSError) as error:
            logger.warning("Cache %s failed, carrying on without it: %s", what, error)
            return default

    def get(self, key, default=None, version=None):
        return self._tolerate(
            "get", lambda: super(TolerantRedisCache, self).get(key, default, version), default
        )

    def set(self, key, value, timeout=None, version=None):
        self._tolerate(
            "set", lambda: super(TolerantRedisCache, self).set(key, value, timeout, version)
        )

    def add(self, key, value, timeout=None, version=None):
        return self._tolerate(
            "add", lambda: super(TolerantRedisCache, self).add(key, value, timeout, version), False
        )

    def incr(self, key, delta=1, version=None):
        """The new value; None when the cache is down (ValueError when `key` is not there,
        as every cache says)."""
        return self._tolerate(
            "incr", lambda: super(TolerantRedisCache, self).incr(key, delta, version), None
        )

    def delete(self, key, version=None):
        return self._tolerate(
            "delete", lambda: super(TolerantRedisCache, self).delete(key, version), False
        )
