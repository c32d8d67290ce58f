"""The pull-request workflow needs only the runner and Python packages: no action fetched from the Internet."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "kiem-tra.yml"


def steps() -> list[dict]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    (job,) = data["jobs"].values()
    return job["steps"]


def test_no_remote_actions():
    assert all("uses" not in step for step in steps()), "an intranet Forgejo/Gitea cannot fetch actions"
    assert "uses:" not in WORKFLOW.read_text(encoding="utf-8").replace("`uses:`", "")


def test_checkout_step_fetches_the_commit_with_git_alone(tmp_path):
    forge = tmp_path / "forge" / "van-hoa"
    forge.mkdir(parents=True)
    subprocess.run(["git", "clone", "-q", "--bare", str(ROOT), str(forge / "thi-dua.git")], check=True)
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    # A pull request's ref as Gitea and Forgejo name it.
    subprocess.run(["git", "-C", str(forge / "thi-dua.git"), "update-ref", "refs/pull/7/head", head], check=True)
    work = tmp_path / "work"
    work.mkdir()
    step = steps()[0]
    script = step["run"].replace("${{ github.token }}", "")
    env = {**os.environ, "GITHUB_SERVER_URL": f"file://{tmp_path / 'forge'}", "GITHUB_REPOSITORY": "van-hoa/thi-dua",
           "GITHUB_REF": "refs/pull/7/head", "GITHUB_SHA": head, "TOKEN": "secret"}
    result = subprocess.run(["bash", "-e", "-c", script], cwd=work, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    got = subprocess.run(["git", "rev-parse", "HEAD"], cwd=work, capture_output=True, text=True).stdout.strip()
    assert got == head and (work / "mkdocs.yml").is_file()
    # The other steps call only what requirements.txt installs into the venv the second step makes.
    later = "\n".join(s["run"] for s in steps()[1:])
    assert "pip\" install -q -r requirements.txt" in later and "thidua\" check --format github" in later
    assert "mkdocs\" build --strict" in later
