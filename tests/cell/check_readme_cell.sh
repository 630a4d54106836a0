#!/bin/bash
# Usage (as root, with Debian's postgresql 15 binaries): tests/cell/check_readme_cell.sh
# It uses /tmp/rc, port 54329 and ~/cell-ca, and stops its server on exit. Not part of pytest.
# Runs README's cell-mode commands against a throwaway cluster. Differences from README, forced by the
# sandbox: the cluster is initdb'd in /tmp/rc (not apt's), host name localhost (not cellserver.local),
# address 127.0.0.1/32 (not 10.0.0.0/24), /tmp/rc/etc instead of /etc/postgresql/15/main, a private socket.
set -euo pipefail
export USER=${USER:-$(id -un)}
BIN=/usr/lib/postgresql/15/bin
R=/tmp/rc; rm -rf $R/data $R/sock $R/etc $R/ws $R/ws2 $R/home; mkdir -p $R/sock $R/etc $R/ws $R/home
chown postgres:postgres $R $R/sock $R/etc; chmod 700 $R/sock
PORT=54329
su postgres -s /bin/bash -c "$BIN/initdb -D $R/data -U postgres -A peer -E UTF8 --locale=C.UTF-8 >/dev/null"
# --- README step 1: certificates (verbatim but for the host name) ---
mkdir -p ~/cell-ca && cd ~/cell-ca && rm -f ./*
openssl req -new -x509 -days 1095 -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
  -subj "/CN=Incident Log cell CA" -keyout ca.key -out ca.crt 2>/dev/null
openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
  -subj "/CN=localhost" -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 \
  -extfile server.ext -out server.crt 2>/dev/null
install -o postgres -g postgres -m 600 server.key $R/etc/server.key
install -o postgres -g postgres -m 644 server.crt ca.crt $R/etc/
cat >> $R/data/postgresql.conf <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$R/sock'
ssl = on
ssl_cert_file = '$R/etc/server.crt'
ssl_key_file = '$R/etc/server.key'
ssl_ca_file = '$R/etc/ca.crt'
password_encryption = 'scram-sha-256'
log_min_error_statement = panic
CONF
cat > $R/data/pg_hba.conf <<HBA
local   all            all                                peer
hostssl incident_cell  +incident_log_cert  127.0.0.1/32    cert
hostssl incident_cell  all                 127.0.0.1/32    scram-sha-256
host    all            all                 0.0.0.0/0      reject
HBA
(cd /tmp && su postgres -s /bin/bash -c "$BIN/pg_ctl -D $R/data -l $R/server.log -w start >/dev/null")
trap 'su postgres -s /bin/bash -c "$BIN/pg_ctl -D $R/data -m immediate -w stop >/dev/null"' EXIT
cd /tmp; su postgres -s /bin/bash -c "$BIN/createuser -h $R/sock -p $PORT --superuser $USER"
cd /tmp; su postgres -s /bin/bash -c "$BIN/createdb -h $R/sock -p $PORT incident_cell"
# --- README step 2 ---
cd ~/cell-ca
IL="${IL:-incident-log}"  # or IL="env PYTHONPATH=$PWD .venv/bin/python -m incident_log"
ADMIN='postgresql://'"$USER"'@/incident_cell?host='$R/sock'&port='$PORT
$IL cell setup --url "$ADMIN"
$IL cell setup --url "$ADMIN"
$IL cell add-user ana --url "$ADMIN" --cell-name madrid-1 | tee $R/ana.txt
$IL cell add-user luis --url "$ADMIN" --cell-name madrid-1 --show-password > $R/luis.txt
$IL cell add-user eve --url "$ADMIN" --certificate
printf 'extendedKeyUsage=clientAuth\n' > client.ext
openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -subj "/CN=eve" -keyout eve.key -out eve.csr 2>/dev/null
openssl x509 -req -in eve.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -extfile client.ext -out eve.crt 2>/dev/null
chmod 600 eve.key
# --- README step 3 (ana's workstation) ---
export HOME=$R/home INCIDENT_LOG_PASSPHRASE='a long vault passphrase' PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
export INCIDENT_LOG_VAULT=$R/ws/vault.db
mkdir -p $HOME/.config/incident-log && cp ~root/cell-ca/ca.crt $HOME/.config/incident-log/cell-ca.crt 2>/dev/null || cp /root/cell-ca/ca.crt $HOME/.config/incident-log/cell-ca.crt
$IL init
export INCIDENT_LOG_CELL='postgresql://ana@localhost:'$PORT'/incident_cell?sslmode=verify-full&sslrootcert='$HOME'/.config/incident-log/cell-ca.crt'
INCIDENT_LOG_CELL_PASSWORD=$(grep -E '^  [0-9a-f]{64}$' $R/ana.txt | tr -d ' ') $IL cell login
REF=$($IL new --title "Barricade, 3rd floor" --type barricade); echo "ref $REF"
$IL log $REF note "Subject at the window"
$IL list
$IL export $REF --format jsonl
$IL verify $REF
$IL report $REF -o $R/ws/report.pdf
$IL cell status
$IL cell sync
su postgres -s /bin/bash -c "$BIN/pg_ctl -D $R/data -m fast -w stop >/dev/null"
$IL log $REF note "while the server is down"
$IL cell status
(cd /tmp && su postgres -s /bin/bash -c "$BIN/pg_ctl -D $R/data -l $R/server.log -w start >/dev/null")
$IL cell sync
$IL seal $REF
$IL verify
# the certificate user (eve is in cell "main"): a URL with sslcert/sslkey
mkdir -p $R/ws2
INCIDENT_LOG_VAULT=$R/ws2/vault.db $IL init
export INCIDENT_LOG_VAULT=$R/ws2/vault.db
cp /root/cell-ca/eve.crt /root/cell-ca/eve.key $HOME/.config/incident-log/ && chmod 600 $HOME/.config/incident-log/eve.key
export INCIDENT_LOG_CELL='postgresql://eve@localhost:'$PORT'/incident_cell?sslmode=verify-full&sslrootcert='$HOME'/.config/incident-log/cell-ca.crt&sslcert='$HOME'/.config/incident-log/eve.crt&sslkey='$HOME'/.config/incident-log/eve.key'
$IL cell login
$IL list
REF2=$($IL new --title "Eve's cell" --type other); echo "ref $REF2"
$IL log $REF2 note "by certificate"
$IL verify
