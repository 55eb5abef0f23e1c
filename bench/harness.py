"""
What the benchmark, load, fault and scale-out scripts share: production-like
environments, gunicorn servers on loopback ports, wrk runs and process memory.

Standard library only, so it can be imported by the scripts in bench/ (run as
``python bench/NAME.py``) and by the tests (``from bench import harness``)
without setting Django up.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").is_dir() else sys.executable
DEFAULT_SQLITE = DATA / "sqlite" / "db.sqlite3"
# The benchmark's secret key: it signs nothing that outlives the run.
BENCH_SECRET_KEY = "bench-only-" + "x" * 50


def is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def with_database(url: str, name: str) -> str:
    """The same server, another database."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def workdir_for(url: str) -> Path:
    """Where a benchmark database keeps its media: one folder per database."""
    if is_postgres(url):
        return DATA / f"pg-{database_name(url)}"
    return Path(urlsplit(url).path).parent if url.startswith("sqlite") else DATA / "other"


def production_env(
    *,
    database_url: str,
    media_root: Path,
    static_root: Path,
    page_cache: bool,
    redis_url: str = "",
    cache_prefix: str = "",
    **extra: str,
) -> dict[str, str]:
    """The environment of a production server on loopback, without HTTPS."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "NEWSROOM_PAGE_CACHE_SECONDS")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DEBUG="0",
        SECRET_KEY=BENCH_SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        PUBLIC_MEDIA_ROOT=str(media_root.parent / "public-media"),
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        STATIC_ROOT=str(static_root),
        NEWSROOM_PAGE_CACHE_SECONDS="3600" if page_cache else "0",
        LOG_LEVEL="ERROR",
        PYTHONDONTWRITEBYTECODE="1",
        # Tells bench/inprocess.py that the environment is already set.
        NEWSROOM_BENCH="1",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
        env["CACHE_KEY_PREFIX"] = cache_prefix or f"bench-{os.getpid()}-{int(time.time())}"
    env.update(extra)
    return env


def manage(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env, check=True, **kwargs
    )


def collectstatic(env: dict[str, str]) -> None:
    """Hashed, compressed static files, as production serves them (DEBUG=0 needs the manifest)."""
    manage(["collectstatic", "--noinput", "--verbosity", "0"], env)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str]
    seconds: float
    error: str = ""


def http_get(url: str, timeout: float = 10.0, headers: dict | None = None) -> Response:
    """One GET; a connection failure or timeout is status 0 with the error, never an exception."""
    start = time.perf_counter()
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            body = reply.read()
            return Response(reply.status, body, dict(reply.headers), time.perf_counter() - start)
    except urllib.error.HTTPError as exc:
        body = exc.read()
        return Response(exc.code, body, dict(exc.headers), time.perf_counter() - start)
    except (OSError, urllib.error.URLError) as exc:
        return Response(0, b"", {}, time.perf_counter() - start, error=repr(exc))


@dataclass
class Gunicorn:
    """A gunicorn server of the project on a loopback port, stopped on exit."""

    env: dict[str, str]
    workers: int = 2
    port: int = 0
    name: str = "server"
    log_dir: Path | None = None
    process: subprocess.Popen | None = field(default=None, init=False)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def http(self, path: str, timeout: float = 10.0) -> Response:
        return http_get(self.url(path), timeout=timeout)

    def start(self, timeout: float = 60.0) -> Gunicorn:
        self.port = self.port or free_port()
        log_dir = self.log_dir or Path(tempfile.mkdtemp(prefix="newsroom-gunicorn-"))
        self.log_path = log_dir / f"{self.name}-{self.port}.log"
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        command = [
            PYTHON, "-m", "gunicorn", "newsroom.wsgi",
            "--workers", str(self.workers),
            "--worker-class", "sync",
            "--bind", f"127.0.0.1:{self.port}",
            "--chdir", str(ROOT),
            "--timeout", "30",
            "--graceful-timeout", "5",
            "--log-level", "warning",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited at start; see {self.log_path}:\n{self.log()}")
            # Every worker has booted, not only the first to answer.
            answered = http_get(self.url("/healthz/"), timeout=2).status == 200
            if answered and len(self.worker_pids()) >= self.workers:
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {timeout} s; see {self.log_path}")

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        self.process = None

    def __enter__(self) -> Gunicorn:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def worker_pids(self) -> list[int]:
        return children(self.process.pid) if self.process else []

    def rss_kib(self) -> dict[int, int]:
        """Resident memory of the master and each worker, in KiB."""
        if not self.process:
            return {}
        return {pid: rss_kib(pid) for pid in [self.process.pid, *self.worker_pids()]}


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may contain spaces; the fields after it do not.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# --- wrk ---------------------------------------------------------------------

WRK_SCRIPT = """
local paths = {%(paths)s}
local counter = 0
%(request)s
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %%d, "duration_us": %%d, "bytes": %%d, "connect": %%d, '
    .. '"read": %%d, "write": %%d, "status": %%d, "timeout": %%d, "p50_us": %%d, '
    .. '"p90_us": %%d, "p99_us": %%d, "max_us": %%d, "mean_us": %%.1f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean))
end
"""
ROUND_ROBIN = """
function request()
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end
"""


@dataclass
class WrkResult:
    requests: int
    seconds: float
    bytes: int
    errors: dict[str, int]
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def build_dataset(database_url: str, releases: int) -> None:
    """The benchmark's dataset in ``database_url`` (bench/dataset.py; reused when it matches)."""
    subprocess.run(
        [PYTHON, str(ROOT / "bench" / "dataset.py"), "--releases", str(releases),
         "--database-url", database_url],
        check=True,
    )  # fmt: skip


def ensure_wrk() -> str:
    """wrk from Debian's package, installed on first use when running as root."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("wrk is not installed: run `apt-get install wrk` (as root) and try again.")
    print("Installing wrk (Debian package)…", flush=True)
    apt_env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=apt_env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, env=apt_env)
    return shutil.which("wrk") or sys.exit("wrk could not be installed")


def run_wrk(
    base_url: str,
    paths: list[str],
    *,
    seconds: float,
    connections: int,
    threads: int = 1,
    timeout: float = 10.0,
) -> WrkResult:
    """wrk for ``seconds`` on one path, or round-robin over several; exact numbers via Lua."""
    wrk = ensure_wrk()
    script = WRK_SCRIPT % {
        "paths": ", ".join(json.dumps(p) for p in paths),
        "request": ROUND_ROBIN if len(paths) > 1 else "",
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(script)
    try:
        completed = subprocess.run(
            [
                wrk,
                "--threads",
                str(threads),
                "--connections",
                str(connections),
                "--duration",
                f"{max(1, round(seconds))}s",
                "--timeout",
                f"{timeout:g}s",
                "--script",
                fh.name,
                base_url + paths[0],
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(fh.name)
    for line in completed.stdout.splitlines():
        if line.startswith("WRKJSON "):
            data = json.loads(line[len("WRKJSON ") :])
            break
    else:
        raise RuntimeError(f"unexpected wrk output:\n{completed.stdout}\n{completed.stderr}")
    return WrkResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        bytes=data["bytes"],
        errors={k: data[k] for k in ("connect", "read", "write", "status", "timeout")},
        p50_ms=data["p50_us"] / 1000,
        p90_ms=data["p90_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        mean_ms=data["mean_us"] / 1000,
    )


def machine_summary() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} CPU ({cpu}){memory}, Python {sys.version.split()[0]}"


# --- what the benchmark measures ------------------------------------------------

DEMO_SLUG = "european-regional-conference-tirana-2024"
TRIVIAL = "/healthz/"
RELEASE = f"/releases/{DEMO_SLUG}/"
HOME = "/"
PAGE_400 = "/?page=400"
TARGETS = [
    ("trivial view", TRIVIAL),
    ("release page", RELEASE),
    ("home page", HOME),
    ("list page 400", PAGE_400),
    ("theme page", "/themes/cybercrime/"),
    # The demo release's speaker and event, as a reader reaches them from it.
    ("speaker page", "/speakers/jurgen-stock/"),
    ("event page", "/events/european-regional-conference-2024/"),
    # One release in fifty matches (bench/dataset.py), as a real query would.
    ("search", "/search/?q=vienna"),
    ("RSS feed", "/feed/"),
]
SEARCH = "/search/?q=vienna"
# Measured in-process only: a word nearly every release holds (its speakers
# are "National police"), so the search counts and ranks among the whole archive.
BROAD_SEARCH = ("broad search", "/search/?q=police")
# Pages whose query count must be fixed: each benchmark page above, and a page
# of the same kind with much more (or less) on it, which must make as many
# queries (bench/dataset.py: 1–4 photos on a few hundred releases, about 500
# quotes for each bench speaker, about 80 releases for each bench event).
SAME_QUERIES = {
    "release page": [RELEASE, "/releases/bench-release-00001/"],
    "list pages": [HOME, PAGE_400, "/?page=2"],
    "theme page": ["/themes/cybercrime/", "/themes/cybercrime/?page=50"],
    "speaker page": ["/speakers/jurgen-stock/", "/speakers/bench-speaker-000/?page=20"],
    "event page": [
        "/events/european-regional-conference-2024/",
        "/events/bench-conference-000/",
    ],
}
