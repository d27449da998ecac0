"""Settings read the environment: embedded defaults, PostgreSQL, production mode."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env=None):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DJANGO_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(env or {})
    environment["DJANGO_SETTINGS_MODULE"] = "ciao.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_value(expression, env):
    result = run_manage("shell", "-c", f"from django.conf import settings; print({expression})", env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_mode_passes_check_deploy_without_warnings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
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
    result = run_manage(
        "check", env={"DJANGO_ENV": "production", "ALLOWED_HOSTS": "x.org", "CIAO_DATA_DIR": str(tmp_path)}
    )
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
        "DJANGO_ENV": "production",
        "SECRET_KEY": "k" * 60,
        "ALLOWED_HOSTS": "x.org",
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


# Demo credentials in production mode (ciao/checks.py)


def production_env(data_dir):
    return {
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-9f8e7d6c5b4a",
        "ALLOWED_HOSTS": "comunitadipratica.example.org",
        "CIAO_DATA_DIR": str(data_dir),
    }


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory):
    """A migrated SQLite database with the demo users (and their demo password), made in embedded mode."""
    data_dir = tmp_path_factory.mktemp("demo-db")
    env = {"CIAO_DATA_DIR": str(data_dir)}
    result = run_manage("migrate", "--no-input", env=env)
    assert result.returncode == 0, result.stderr
    result = run_manage(
        "shell",
        "-c",
        "import io; from ciao.demo.site import ensure_users; ensure_users(io.StringIO())",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return data_dir


def test_production_mode_refuses_to_run_while_demo_accounts_have_the_demo_password(demo_database):
    env = production_env(demo_database)
    result = run_manage("check", env=env)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "ciao.E001" in output
    assert "admin, formatore, membro, operatrice, redazione" in output
    assert "manage.py changepassword USERNAME" in output and "manage.py disable_demo_accounts" in output

    # One account gets a password of its own: it is no longer named.
    result = run_manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; u = User.objects.get(username='redazione'); "
        "u.set_password('una-password-nuova-e-lunga-2027'); u.save()",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    output = run_manage("check", env=env).stderr
    assert "admin, formatore, membro, operatrice." in output and "redazione" not in output

    result = run_manage("disable_demo_accounts", env=env)
    assert result.returncode == 0, result.stderr
    assert "Disabled: admin, formatore, membro, operatrice" in result.stdout
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_demo_accounts_work_in_embedded_mode(demo_database):
    result = run_manage("check", env={"CIAO_DATA_DIR": str(demo_database)})
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accedi/", "/admin/login/"])
def test_in_production_the_demo_password_never_logs_in(client, settings, url):
    from django.contrib.auth import get_user_model

    from ciao.demo.site import DEMO_PASSWORD

    settings.EMBEDDED = False
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "ciao.checks.RefuseDemoPassword",
        "django.contrib.auth.backends.ModelBackend",
    ]
    # Any account, not only the demo ones (the check may have been skipped).
    get_user_model().objects.create_user("mario", password=DEMO_PASSWORD, is_staff=True, is_superuser=True)
    response = client.post(url, {"username": "mario", "password": DEMO_PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    from html import unescape

    assert "Questa è la password dimostrativa del sito, che è pubblica" in unescape(response.content.decode())
    # The same account with a password of its own logs in.
    user = get_user_model().objects.get(username="mario")
    user.set_password("una-password-nuova-e-lunga-2027")
    user.save()
    response = client.post(url, {"username": "mario", "password": "una-password-nuova-e-lunga-2027"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_in_production_the_api_basic_authentication_with_the_demo_password_is_no_error(client, settings, home):
    import base64

    from ciao.demo.site import DEMO_PASSWORD

    settings.EMBEDDED = False
    settings.AUTHENTICATION_BACKENDS = ["ciao.checks.RefuseDemoPassword", "django.contrib.auth.backends.ModelBackend"]
    credentials = base64.b64encode(f"admin:{DEMO_PASSWORD}".encode()).decode()
    response = client.get("/api/v2/pages/", HTTP_AUTHORIZATION=f"Basic {credentials}")
    assert response.status_code in (401, 403)
