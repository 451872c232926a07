"""Production settings refuse to start with the development secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_the_development_secret_key():
    result = run_check(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = run_check(DEBUG="0", SECRET_KEY="a-real-secret-key-" + "x" * 40)
    assert result.returncode == 0, result.stderr


def test_production_settings_pass_the_deploy_check_with_no_warnings():
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        # A host must give a contact address for corrections (content.W002 warns otherwise).
        env={
            **clean,
            "DEBUG": "0",
            "SECRET_KEY": "k3y-" + "Zq9x!Lm2#Vb7" * 5,
            "CONTACT_EMAIL": "corrections@example.org",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
