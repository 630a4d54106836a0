"""A real, throwaway PostgreSQL server for the cell tests and benchmarks.

It runs Debian's own binaries (``/usr/lib/postgresql/<version>/bin``, or ``INCIDENT_LOG_PG_BIN``)
in a temporary folder: ``initdb``, then ``pg_ctl start`` on 127.0.0.1 with a free port, its
socket in a private folder (``-k``), so it never touches a system server. TLS is on, with a
throwaway certificate authority and server certificate made with ``cryptography``; the same CA
signs client certificates, so ``sslmode=verify-full`` and certificate logins are both testable.

``initdb`` and ``pg_ctl`` refuse to run as root: as root (CI), they run as the ``postgres`` user
in a folder that user owns (TRAPS.md, PostgreSQL section).

Authentication (pg_hba.conf): the superuser over the private socket only (trust: the folder is
0700); over TCP, TLS only, with a client certificate for members of ``incident_log_cert`` and
SCRAM passwords for everyone else; plain TCP is rejected.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SUPERUSER = "postgres"
DATABASE = "incident_cell"
CERT_GROUP = "incident_log_cert"  # members log in with a client certificate (see pg_hba below)


def pg_bin() -> Path:
    """The folder with initdb and pg_ctl: INCIDENT_LOG_PG_BIN, else the newest Debian install."""
    chosen = os.environ.get("INCIDENT_LOG_PG_BIN")
    if chosen:
        return Path(chosen)
    root = Path("/usr/lib/postgresql")
    versions = sorted((p for p in root.glob("*/bin/initdb")), key=lambda p: int(p.parts[-3]), reverse=True)
    if not versions:
        raise RuntimeError(
            "PostgreSQL server binaries not found in /usr/lib/postgresql: install Debian's 'postgresql' "
            "package (.ci/run does), or set INCIDENT_LOG_PG_BIN"
        )
    return versions[0].parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- certificates ----------------------------------------------------------------------------


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _pem_key(key: ec.EllipticCurvePrivateKey, password: bytes | None = None) -> bytes:
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    )
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)


@dataclass(frozen=True)
class Authority:
    """A throwaway certificate authority: signs the server's certificate and client certificates."""

    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate

    @classmethod
    def create(cls, name: str = "Incident Log test CA") -> Authority:
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(name))
            .issuer_name(_name(name))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True, content_commitment=False, key_encipherment=False,
                    data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                    encipher_only=False, decipher_only=False,
                ),
                critical=True,
            )
            .sign(key, hashes.SHA256())
        )
        return cls(key, cert)

    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def issue(
        self, common_name: str, *, server: bool, hosts: tuple[str, ...] = ()
    ) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(common_name))
            .issuer_name(self.certificate.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH]),
                critical=False,
            )
        )
        if hosts:
            names: list[x509.GeneralName] = []
            for host in hosts:
                try:
                    names.append(x509.IPAddress(ipaddress.ip_address(host)))
                except ValueError:
                    names.append(x509.DNSName(host))
            builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
        return key, builder.sign(self.key, hashes.SHA256())


@dataclass(frozen=True)
class ClientCertificate:
    cert_path: Path
    key_path: Path
    key_password: str | None


# --- the server -------------------------------------------------------------------------------


class PostgresServer:
    """One initdb'd cluster in a temporary folder. ``start()``/``stop()`` may be called repeatedly."""

    def __init__(self, root: Path | None = None) -> None:
        self.bin = pg_bin()
        self.as_postgres = os.geteuid() == 0
        self.root = Path(root) if root else Path(tempfile.mkdtemp(prefix="incident-log-pg-"))
        self.data = self.root / "data"
        self.socket_dir = self.root / "socket"
        self.tls_dir = self.root / "tls"
        self.client_dir = Path(tempfile.mkdtemp(prefix="incident-log-pg-client-"))  # the test user's side
        self.logfile = self.root / "server.log"
        self.port = free_port()
        self.host = "127.0.0.1"
        self.authority = Authority.create()
        self.ca_file = self.client_dir / "root.crt"
        self._initialised = False

    # -- running the server binaries -------------------------------------------------------

    def _run(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        kwargs: dict[str, Any] = {}
        if self.as_postgres:
            account = pwd.getpwnam("postgres")
            kwargs = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "HOME": str(self.root)}
        return subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            cwd=self.root, env=env, capture_output=True, text=True, check=check, timeout=timeout, **kwargs,
        )

    def _own(self, path: Path, mode: int) -> None:
        os.chmod(path, mode)
        if self.as_postgres:
            account = pwd.getpwnam("postgres")
            os.chown(path, account.pw_uid, account.pw_gid)

    def _write(self, path: Path, data: bytes, mode: int = 0o600) -> None:
        path.write_bytes(data)
        self._own(path, mode)

    def initialise(self) -> None:
        self._own(self.root, 0o700)
        for folder in (self.socket_dir, self.tls_dir):
            folder.mkdir(mode=0o700)
            self._own(folder, 0o700)
        done = self._run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8",
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr.strip()[-500:]}")
        server_key, server_cert = self.authority.issue("localhost", server=True, hosts=("localhost", self.host))
        self._write(self.tls_dir / "server.key", _pem_key(server_key))
        self._write(self.tls_dir / "server.crt", server_cert.public_bytes(serialization.Encoding.PEM), 0o644)
        self._write(self.tls_dir / "ca.crt", self.authority.pem(), 0o644)
        self.ca_file.write_bytes(self.authority.pem())
        settings = {
            "listen_addresses": f"'{self.host}'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.socket_dir}'",
            "ssl": "on",
            "ssl_cert_file": f"'{self.tls_dir / 'server.crt'}'",
            "ssl_key_file": f"'{self.tls_dir / 'server.key'}'",
            "ssl_ca_file": f"'{self.tls_dir / 'ca.crt'}'",
            "password_encryption": "'scram-sha-256'",
            "max_connections": "60",
            "shared_buffers": "64MB",
            # Statements that fail must not be copied into the log: they carry entry text.
            "log_min_error_statement": "panic",
            "log_min_messages": "warning",
        }
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n# incident-log test server\n")
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())
        hba = (
            "# TYPE  DATABASE USER               ADDRESS        METHOD\n"
            f"local   all      {SUPERUSER}          trust\n"
            "local   all      all                reject\n"
            f"hostssl all      +{CERT_GROUP}  {self.host}/32   cert\n"
            f"hostssl all      all                {self.host}/32   scram-sha-256\n"
            "host    all      all                0.0.0.0/0      reject\n"
        )
        self._write(self.data / "pg_hba.conf", hba.encode("ascii"))
        self._initialised = True

    def start(self) -> None:
        if not self._initialised:
            self.initialise()
        done = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.logfile), "-w", "-t", "60", "start", check=False)
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl start failed: {done.stdout.strip()[-300:]} {self.log_tail()}")
        self._wait_ready()
        if not getattr(self, "_database_made", False):
            self.superuser_sql(f"CREATE DATABASE {DATABASE}", database="postgres")
            self.superuser_sql(f"CREATE ROLE {CERT_GROUP} NOLOGIN", database="postgres")
            self._database_made = True

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def is_running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            done = self._run("pg_isready", "-h", str(self.socket_dir), "-p", str(self.port), check=False)
            if done.returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError(f"the test server did not become ready: {self.log_tail()}")

    def log_tail(self) -> str:
        with contextlib.suppress(OSError):
            return self.logfile.read_text(encoding="utf-8", errors="replace")[-800:]
        return ""

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)
        shutil.rmtree(self.client_dir, ignore_errors=True)

    # -- connecting -------------------------------------------------------------------------

    @property
    def admin_url(self) -> str:
        """The superuser over the private socket: what `incident-log cell setup --url` is given."""
        return f"postgresql://{SUPERUSER}@/{DATABASE}?host={self.socket_dir}&port={self.port}"

    def url(self, user: str, *, database: str = DATABASE, sslmode: str = "verify-full", host: str | None = None) -> str:
        """A workstation URL over TLS (no password in it: that comes from the keyring or a prompt)."""
        return (
            f"postgresql://{user}@{host or self.host}:{self.port}/{database}"
            f"?sslmode={sslmode}&sslrootcert={self.ca_file}"
        )

    def superuser_sql(self, statement: str, *, database: str = DATABASE) -> str:
        """Run SQL as the superuser through psql (the tests' way of playing a rogue administrator)."""
        done = self._run(
            "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-h", str(self.socket_dir), "-p", str(self.port),
            "-U", SUPERUSER, "-d", database, "-c", statement, check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"psql failed: {done.stderr.strip()}")
        return done.stdout.strip()

    def client_certificate(self, user: str, *, key_password: str | None = None) -> ClientCertificate:
        """A client certificate for ``user`` (CN = the role name), signed by the server's CA."""
        key, cert = self.authority.issue(user, server=False)
        cert_path = self.client_dir / f"{user}.crt"
        key_path = self.client_dir / f"{user}.key"
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_path.write_bytes(_pem_key(key, key_password.encode() if key_password else None))
        os.chmod(key_path, 0o600)  # libpq refuses a key file others can read
        return ClientCertificate(cert_path, key_path, key_password)

    def foreign_authority_file(self) -> Path:
        """The certificate of a CA that did not sign the server: verify-full must refuse it."""
        path = self.client_dir / "other-root.crt"
        if not path.exists():
            path.write_bytes(Authority.create("Some other CA").pem())
        return path


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.destroy()
