"""Where attached files are kept: the local folder unless the environment names an
S3-compatible bucket, and django-storages needed only then."""

import sys
import types

import pytest
from django.core.exceptions import ImproperlyConfigured

from protocol_site.settings.storage import LOCAL, file_storage

S3_VARIABLES = (
    "FILE_STORAGE_S3_BUCKET",
    "FILE_STORAGE_S3_ENDPOINT_URL",
    "FILE_STORAGE_S3_REGION",
    "FILE_STORAGE_S3_ACCESS_KEY_ID",
    "FILE_STORAGE_S3_SECRET_ACCESS_KEY",
    "FILE_STORAGE_S3_PREFIX",
    "FILE_STORAGE_S3_PATH_STYLE",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch):
    for name in S3_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def _with_storages(monkeypatch, installed: bool):
    for name in ("storages", "storages.backends", "storages.backends.s3"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name) if installed else None)


def test_files_are_kept_in_the_local_folder_by_default(monkeypatch):
    _with_storages(monkeypatch, installed=False)  # and django-storages is not needed
    assert file_storage() == LOCAL == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_bucket_is_configured_by_the_environment_alone(monkeypatch):
    _with_storages(monkeypatch, installed=True)
    monkeypatch.setenv("FILE_STORAGE_S3_BUCKET", "council-files")
    monkeypatch.setenv("FILE_STORAGE_S3_ENDPOINT_URL", "https://s3.example.net")
    monkeypatch.setenv("FILE_STORAGE_S3_REGION", "eu-west-2")
    monkeypatch.setenv("FILE_STORAGE_S3_PREFIX", "protocol")
    monkeypatch.setenv("FILE_STORAGE_S3_PATH_STYLE", "true")
    storage = file_storage()
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "council-files",
        "endpoint_url": "https://s3.example.net",
        "region_name": "eu-west-2",
        "location": "protocol",
        "addressing_style": "path",
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
    }


def test_credentials_come_from_the_environment_or_boto3s_own_chain(monkeypatch):
    _with_storages(monkeypatch, installed=True)
    monkeypatch.setenv("FILE_STORAGE_S3_BUCKET", "council-files")
    assert "access_key" not in file_storage()["OPTIONS"]
    monkeypatch.setenv("FILE_STORAGE_S3_ACCESS_KEY_ID", "id")
    monkeypatch.setenv("FILE_STORAGE_S3_SECRET_ACCESS_KEY", "secret")
    options = file_storage()["OPTIONS"]
    assert (options["access_key"], options["secret_key"]) == ("id", "secret")


def test_a_bucket_without_django_storages_stops_start_up_saying_why(monkeypatch):
    _with_storages(monkeypatch, installed=False)
    monkeypatch.setenv("FILE_STORAGE_S3_BUCKET", "council-files")
    with pytest.raises(ImproperlyConfigured, match="s3"):
        file_storage()


def test_a_malformed_path_style_stops_start_up(monkeypatch):
    _with_storages(monkeypatch, installed=True)
    monkeypatch.setenv("FILE_STORAGE_S3_BUCKET", "council-files")
    monkeypatch.setenv("FILE_STORAGE_S3_PATH_STYLE", "sometimes")
    with pytest.raises(ImproperlyConfigured, match="FILE_STORAGE_S3_PATH_STYLE"):
        file_storage()
