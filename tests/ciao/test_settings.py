"""Settings read the environment: embedded defaults, PostgreSQL, production mode."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env=None):
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    environment.update(env or {})
    environment["DJANGO_SETTINGS_MODULE"] = "ciao.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=120,
    )


def settings_value(expression, env):
    result = run_manage("shell", "-c", f"from django.conf import settings; print({expression})", env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_mode_passes_check_deploy_without_warnings(tmp_path):
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env={
            "DJANGO_ENV": "production",
            "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-9f8e7d6c5b4a",
            "ALLOWED_HOSTS": "comunitadipratica.example.org",
            "CIAO_DATA_DIR": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage("check", env={"DJANGO_ENV": "production", "ALLOWED_HOSTS": "x.org", "CIAO_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_embedded_defaults_keep_everything_in_one_data_folder(tmp_path):
    env = {"CIAO_DATA_DIR": str(tmp_path)}
    assert settings_value("settings.DATABASES['default']['NAME']", env) == str(tmp_path / "db.sqlite3")
    assert settings_value("settings.MEDIA_ROOT", env) == str(tmp_path / "media")
    assert settings_value("settings.SEARCH_INDEX_DIR", env) == str(tmp_path / "search-index")
    assert settings_value("settings.DEBUG", env) == "True"
    assert settings_value("settings.LANGUAGE_CODE, settings.TIME_ZONE", env) == "it Europe/Rome"


def test_database_url_selects_postgresql(tmp_path):
    env = {"CIAO_DATA_DIR": str(tmp_path), "DATABASE_URL": "postgres://ciao:segreto@db.example.org:5432/ciao"}
    assert settings_value("settings.DATABASES['default']['ENGINE']", env) == "django.db.backends.postgresql"
    assert settings_value("settings.DATABASES['default']['HOST']", env) == "db.example.org"


def test_production_headers_are_strict(tmp_path):
    env = {
        "DJANGO_ENV": "production", "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "x.org",
        "CIAO_DATA_DIR": str(tmp_path),
    }
    assert settings_value("settings.DEBUG", env) == "False"
    assert settings_value("settings.SECURE_HSTS_SECONDS >= 31536000", env) == "True"
    assert settings_value("settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE", env) == "True"


@pytest.mark.django_db
def test_public_pages_send_a_content_security_policy(client, home):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "object-src 'none'" in policy
