"""The README's nginx configuration, run by Debian's nginx on 127.0.0.1 over a site made by `thidua build -d`.

The two nginx files are taken from the README (and must equal the copies in deploy/nginx/ that the README installs),
so the documentation and what is tested cannot drift. Checks what a district server needs: /thi-dua redirects,
the Vietnamese 404 page with working styles at any depth, content types of calendars and CSV, precompressed files
and caching headers. Also the daily rebuild files (systemd units, cron line).
"""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_publish import readme_block

ROOT = Path(__file__).resolve().parent.parent
NGINX = "/usr/sbin/nginx"
MIME = "/etc/nginx/mime.types"


def _need_nginx() -> None:
    if os.path.exists(NGINX) and os.path.exists(MIME):
        return
    message = "Cần nginx của Debian (/usr/sbin/nginx) cho kiểm thử máy chủ: apt-get install nginx"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def nginx_blocks() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = {}
    for block in re.findall(r"```nginx\n(.*?)```", text, re.S):
        first = block.splitlines()[0]
        assert first.startswith("# /etc/nginx/"), first
        blocks[first[len("# /etc/nginx/"):]] = block
    assert set(blocks) == {"conf.d/thi-dua.conf", "snippets/thi-dua.conf"}, set(blocks)
    return blocks


def test_deploy_files_are_the_readme_blocks():
    for name, block in nginx_blocks().items():
        assert (ROOT / "deploy" / "nginx" / name).read_text(encoding="utf-8") == block, name


def test_readme_sed_adds_the_include_to_debians_default_site(tmp_path):
    default = Path("/etc/nginx/sites-available/default")
    if not default.exists():
        pytest.skip("no Debian default site here")
    command = next(line for line in readme_block("bash", "include snippets").splitlines() if "sed -i" in line)
    copy = tmp_path / "default"
    shutil.copy(default, copy)
    command = command.replace("sudo ", "").replace("/etc/nginx/sites-available/default", str(copy))
    subprocess.run(["bash", "-c", command], check=True)
    lines = copy.read_text(encoding="utf-8").splitlines()
    at = [n for n, line in enumerate(lines) if line.strip() == "include snippets/thi-dua.conf;"]
    assert len(at) == 1 and lines[at[0] - 1].strip().startswith("server_name"), at


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    _need_nginx()
    tmp = tmp_path_factory.mktemp("nginx")
    srv = tmp / "srv"
    result = subprocess.run([sys.executable, "-m", "thidua.cli", "build", "-d", str(srv / "site")], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1740787200"})
    assert result.returncode == 0, result.stderr
    blocks = {k: v.replace("/srv/thi-dua/", f"{srv}/") for k, v in nginx_blocks().items()}
    port = _free_port()
    user = "user root;" if os.geteuid() == 0 else ""  # the pytest folder is private to its owner
    temp = "".join(f"{kind}_temp_path {tmp}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = tmp / "nginx.conf"
    conf.write_text(f"""{user}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    include {MIME};
    default_type application/octet-stream;
    access_log off;
    {temp}
{blocks["conf.d/thi-dua.conf"]}
    server {{
        listen 127.0.0.1:{port};
        server_name _;
{blocks["snippets/thi-dua.conf"]}
    }}
}}
""", encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(tmp), "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise AssertionError("nginx did not start: " + (tmp / "error.log").read_text())
        yield port, srv / "site"
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_subpath_without_slash_redirects(nginx):
    port, _ = nginx
    status, headers, _ = get(port, "/thi-dua")
    assert status == 301 and headers["location"] == "/thi-dua/"
    status, headers, _ = get(port, "/thi-dua/ke-hoach")
    assert status == 301 and headers["location"] == "/thi-dua/ke-hoach/"
    status, headers, body = get(port, "/thi-dua/")
    assert status == 200 and "text/html" in headers["content-type"] and "Cổng thông tin thi đua" in body.decode()


def test_missing_page_is_the_vietnamese_404_with_working_assets(nginx):
    port, _ = nginx
    for path in ("/thi-dua/khong-co-trang-nay", "/thi-dua/ke-hoach/khong-co/sau/nua/"):
        status, headers, body = get(port, path)
        page = body.decode()
        assert status == 404, path
        assert "Không tìm thấy trang" in page and 'action="/thi-dua/tra-cuu/"' in page and 'href="/thi-dua/"' in page
        assets = re.findall(r'(?:href|src)="(/thi-dua/assets/[^"]+)"', page)
        assert any(a.endswith(".css") for a in assets) and any(a.endswith(".js") for a in assets), assets
        for asset in assets:
            assert get(port, asset)[0] == 200, asset


def test_content_types(nginx):
    port, _ = nginx
    expected = {
        "/thi-dua/dong-thoi-gian/lich.ics": "text/calendar; charset=utf-8",
        "/thi-dua/du-lieu/ke-hoach.csv": "text/csv; charset=utf-8",
        "/thi-dua/du-lieu/ke-hoach.json": "application/json; charset=utf-8",
        "/thi-dua/ban-tin.atom.xml": "text/xml; charset=utf-8",
        "/thi-dua/assets/thidua/thidua.css": "text/css; charset=utf-8",
    }
    for path, content_type in expected.items():
        status, headers, _ = get(port, path)
        assert (status, headers.get("content-type")) == (200, content_type), path


def test_precompressed_files_are_served_to_clients_that_accept_gzip(nginx):
    port, site = nginx
    plain = (site / "index.html").read_bytes()
    assert (site / "index.html.gz").is_file(), "thidua build writes the .gz copies gzip_static serves"
    status, headers, body = get(port, "/thi-dua/", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip" and gzip.decompress(body) == plain
    assert "accept-encoding" in headers.get("vary", "").lower()
    status, headers, body = get(port, "/thi-dua/")
    assert "content-encoding" not in headers and body == plain


def test_cache_headers(nginx):
    port, site = nginx
    hashed = next((site / "assets" / "stylesheets").glob("main.*.min.css"))
    status, headers, _ = get(port, f"/thi-dua/assets/stylesheets/{hashed.name}")
    assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable"
    for path in ("/thi-dua/", "/thi-dua/assets/thidua/thidua.css", "/thi-dua/dong-thoi-gian/lich.ics"):
        status, headers, _ = get(port, path)
        assert status == 200 and headers["cache-control"] == "no-cache", path
        assert "last-modified" in headers and "etag" in headers, path


# --- the daily rebuild ---------------------------------------------------------------------------------------------

def _portal(tmp_path: Path) -> Path:
    """A copy of a small portal laid out as on a server: /srv/thi-dua/portal with .venv/bin/thidua."""
    srv = tmp_path / "srv" / "thi-dua"
    portal = srv / "portal"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", portal)
    (portal / ".venv" / "bin").mkdir(parents=True)
    wrapper = portal / ".venv" / "bin" / "thidua"
    wrapper.write_text(f"#!/bin/sh\nexec {sys.executable} -m thidua.cli \"$@\"\n", encoding="utf-8")
    wrapper.chmod(0o755)
    subprocess.run(["git", "init", "-q", str(portal)], check=True)
    return srv


def test_cron_line_rebuilds_the_site(tmp_path):
    line = next(x for x in (ROOT / "deploy" / "thi-dua.cron").read_text(encoding="utf-8").splitlines()
                if x and not x.startswith("#"))
    fields = line.split(None, 6)
    assert fields[:5] == ["5", "0", "*", "*", "*"] and fields[5] == "thi-dua"
    srv = _portal(tmp_path)
    result = subprocess.run(["sh", "-c", fields[6].replace("/srv/thi-dua", str(srv))], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert (srv / "site").is_symlink() and (srv / "site" / "index.html").is_file()


def test_systemd_units(tmp_path):
    service = (ROOT / "deploy" / "thi-dua-build.service").read_text(encoding="utf-8")
    timer = (ROOT / "deploy" / "thi-dua-build.timer").read_text(encoding="utf-8")
    values = dict(re.findall(r"^(\w+)=(.*)$", service, re.M))
    assert values["User"] == "thi-dua" and values["Type"] == "oneshot"
    # The README's build command, run where the README runs it.
    assert values["WorkingDirectory"] == "/srv/thi-dua/portal"
    assert values["ExecStart"] == "/srv/thi-dua/portal/.venv/bin/thidua build -d /srv/thi-dua/site"
    assert "thidua build -d /srv/thi-dua/site" in readme_block("bash", "useradd")
    assert re.search(r"^OnCalendar=\*-\*-\* 00:05:00$", timer, re.M) and "Persistent=true" in timer
    srv = _portal(tmp_path)
    command = values["ExecStart"].replace("/srv/thi-dua", str(srv))
    result = subprocess.run(command.split(), cwd=values["WorkingDirectory"].replace("/srv/thi-dua", str(srv)),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (srv / "site" / "index.html").is_file()
    analyze = shutil.which("systemd-analyze")
    if analyze:
        copy = tmp_path / "units"
        copy.mkdir()
        for name in ("thi-dua-build.service", "thi-dua-build.timer"):
            shutil.copy(ROOT / "deploy" / name, copy / name)
        out = subprocess.run([analyze, "verify", str(copy / "thi-dua-build.timer")], capture_output=True, text=True)
        problems = [line for line in (out.stdout + out.stderr).splitlines()
                    if line.strip() and "is not executable" not in line and "/srv/thi-dua" not in line]
        assert not problems, problems
