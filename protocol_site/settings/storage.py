"""Where attached files are kept: a local folder (MEDIA_ROOT) by default, or an S3-compatible
bucket when FILE_STORAGE_S3_BUCKET names one. The bucket is configured only by environment
variables; django-storages (the `s3` extra) is needed only then."""

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_str

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def file_storage() -> dict:
    """The STORAGES["default"] entry the environment asks for."""
    bucket = env_str("FILE_STORAGE_S3_BUCKET", "")
    if not bucket:
        return LOCAL
    try:
        import storages.backends.s3  # noqa: F401
    except ImportError:
        raise ImproperlyConfigured(
            "FILE_STORAGE_S3_BUCKET is set, but django-storages is not installed: install the "
            "`s3` extra (pip install '.[s3]')."
        ) from None
    given = {
        "endpoint_url": env_str("FILE_STORAGE_S3_ENDPOINT_URL"),
        "region_name": env_str("FILE_STORAGE_S3_REGION"),
        # Unset, boto3 finds credentials its own way (AWS_ACCESS_KEY_ID, an instance role).
        "access_key": env_str("FILE_STORAGE_S3_ACCESS_KEY_ID"),
        "secret_key": env_str("FILE_STORAGE_S3_SECRET_ACCESS_KEY"),
        "location": env_str("FILE_STORAGE_S3_PREFIX"),
        "addressing_style": "path" if env_bool("FILE_STORAGE_S3_PATH_STYLE", False) else None,
    }
    options = {
        "bucket_name": bucket,
        **{key: value for key, value in given.items() if value is not None},
        # Private objects, never overwritten; files are served only through the site's views.
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
