#!/usr/bin/env bash
# A real single-node OpenStack (Debian 12's packages: keystone, glance, placement, nova, neutron,
# rabbitmq, mariadb, libvirt) on loopback, for boot-test-guest's `launcher: openstack` in CI.
#   scripts/openstack-aio.sh install  the packages only (scripts/setup-host.sh runs this)
#   scripts/openstack-aio.sh up       install what is missing, configure, start; prints clouds.yaml
#   scripts/openstack-aio.sh status   what runs, and the cloud's file
#   scripts/openstack-aio.sh down     stop everything it started (by pid) and check none is left
#   scripts/openstack-aio.sh purge    down, then remove the state folder (the next up starts from nothing)
# No systemd: every daemon is started by hand in its own process group with a pid file under the
# state folder ($KVM_ACTIONS_OPENSTACK_DIR, default /var/lib/kvm-actions/openstack); the config
# files are written there (Debian's shipped nova.conf and friends are not used). Ports are picked
# free once and kept; mariadb listens on a private socket only; libvirtd and virtlogd run in a
# private mount namespace (their own /run/libvirt, /var/lib/libvirt, /etc/libvirt), so another
# libvirtd on this machine is neither seen nor disturbed.
# On an AlmaLinux host use RDO's packages, or better point the launcher at your own cloud
# (docs/openstack.md): this script supports Debian/Ubuntu only and says so.
set -euo pipefail

STATE=${KVM_ACTIONS_OPENSTACK_DIR:-/var/lib/kvm-actions/openstack}
CLOUD=kvm-actions-aio
COMPUTE_HOST=kvm-actions-aio
PACKAGES=(keystone glance placement-api nova-api nova-conductor nova-scheduler nova-compute
  nova-compute-qemu neutron-server rabbitmq-server mariadb-server python3-openstackclient
  python3-openstacksdk python3-pymysql uwsgi-core uwsgi-plugin-python3 libvirt-daemon-system qemu-system-ppc qemu-utils)
# The order services start in; down stops them in reverse.
SERVICES=(mariadb epmd rabbitmq libvirt keystone placement glance neutron nova-api nova-conductor
  nova-scheduler nova-compute)

log() { printf 'openstack-aio: %s\n' "$*"; }
die() {
  printf 'openstack-aio: %s\n' "$*" >&2
  exit 1
}

etc=$STATE/etc run=$STATE/run logs=$STATE/log

pid_of() { [[ -s $run/$1.pid ]] && cat "$run/$1.pid"; }
alive() {
  local pid
  pid=$(pid_of "$1") || return 1
  kill -0 "$pid" 2>/dev/null
}

# Starts "$@" as service $1 in a new session (its own process group), output to its log.
start() {
  local name=$1
  shift
  if alive "$name"; then
    log "$name already runs (pid $(pid_of "$name"))"
    return
  fi
  setsid "$@" >"$logs/$name.log" 2>&1 </dev/null &
  echo $! >"$run/$name.pid"
  started+=("$name")
}

# Waits for a TCP port on loopback (or a unix socket) to accept, or for the service to die.
wait_tcp() {
  local name=$1 port=$2 limit=${3:-120} t0=$SECONDS
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    alive "$name" || die "$name exited before listening on 127.0.0.1:$port; its log: $logs/$name.log
$(tail -n 20 "$logs/$name.log")"
    ((SECONDS - t0 < limit)) || die "$name did not listen on 127.0.0.1:$port within ${limit}s; its log: $logs/$name.log"
    sleep 0.2
  done
}
wait_socket() {
  local name=$1 socket=$2 limit=${3:-120} t0=$SECONDS
  until [[ -S $socket ]]; do
    alive "$name" || die "$name exited before creating $socket; its log: $logs/$name.log
$(tail -n 20 "$logs/$name.log")"
    ((SECONDS - t0 < limit)) || die "$name did not create $socket within ${limit}s; its log: $logs/$name.log"
    sleep 0.2
  done
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_packages() {
  command -v apt-get >/dev/null 2>&1 ||
    die "this host has no apt-get: the AIO cloud is built from Debian's packages (accepted: Debian 12 or Ubuntu). On AlmaLinux point launcher: openstack at your own cloud (docs/openstack.md)"
  local need=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || need+=("$p")
  done
  ((${#need[@]} == 0)) && return
  log "installing ${#need[@]} packages: ${need[*]}"
  local t0=$SECONDS
  # Every debconf question defaults to false: the packages configure nothing by themselves.
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends \
    "${need[@]}" >"$STATE/apt.log" 2>&1 || die "apt-get install failed; see $STATE/apt.log"
  log "installed in $((SECONDS - t0))s"
}

# Ports and the password are chosen once; a port another program took since is chosen again.
choose_settings() {
  local settings=$STATE/settings.env
  [[ -f $settings ]] && source "$settings"
  PASSWORD=${PASSWORD:-$(python3 -c 'import secrets; print(secrets.token_hex(16))')}
  local name var
  for name in keystone placement glance neutron nova rabbit dist epmd; do
    var=PORT_${name^^}
    if [[ -z ${!var:-} ]] || { ! any_running && port_busy "${!var}"; }; then
      printf -v "$var" '%s' "$(free_port)"
    fi
  done
  umask 077
  cat >"$settings" <<EOF
PASSWORD=$PASSWORD
PORT_KEYSTONE=$PORT_KEYSTONE
PORT_PLACEMENT=$PORT_PLACEMENT
PORT_GLANCE=$PORT_GLANCE
PORT_NEUTRON=$PORT_NEUTRON
PORT_NOVA=$PORT_NOVA
PORT_RABBIT=$PORT_RABBIT
PORT_DIST=$PORT_DIST
PORT_EPMD=$PORT_EPMD
EOF
  umask 022
}

any_running() {
  local s
  for s in "${SERVICES[@]}"; do alive "$s" && return 0; done
  return 1
}

write_configs() {
  local db="mysql+pymysql://openstack:$PASSWORD@localhost" dbopts="?unix_socket=$run/mysqld.sock&charset=utf8"
  local keystone=http://127.0.0.1:$PORT_KEYSTONE/v3
  local rabbit="rabbit://guest:guest@127.0.0.1:$PORT_RABBIT/"
  mkdir -p "$etc"/{keystone,placement,glance,neutron,nova,rabbitmq,libvirt,mysql}
  local auth
  # Every service authenticates as the admin user: one node, one operator.
  auth=$(
    cat <<EOF
auth_type = password
auth_url = $keystone
www_authenticate_uri = $keystone
username = admin
password = $PASSWORD
project_name = admin
user_domain_name = Default
project_domain_name = Default
region_name = RegionOne
EOF
  )

  cat >"$etc/mysql/my.cnf" <<EOF
[mysqld]
user = root
datadir = $STATE/mysql
socket = $run/mysqld.sock
pid-file = $run/mysqld.self.pid
skip-networking
log-error = $logs/mariadb.err
innodb_buffer_pool_size = 128M
innodb_flush_log_at_trx_commit = 0
innodb_doublewrite = 0
max_connections = 1000
character-set-server = utf8mb4
EOF

  cat >"$etc/keystone/keystone.conf" <<EOF
[DEFAULT]
use_stderr = true
[database]
connection = $db/keystone$dbopts
[token]
provider = fernet
[fernet_tokens]
key_repository = $STATE/keystone/fernet-keys
[credential]
key_repository = $STATE/keystone/credential-keys
EOF
  uwsgi_ini keystone /usr/bin/keystone-wsgi-public "$PORT_KEYSTONE" \
    "OS_KEYSTONE_CONFIG_FILES=$etc/keystone/keystone.conf"

  cat >"$etc/placement/placement.conf" <<EOF
[DEFAULT]
use_stderr = true
[placement_database]
connection = $db/placement$dbopts
[api]
auth_strategy = keystone
[keystone_authtoken]
$auth
EOF
  uwsgi_ini placement /usr/bin/placement-api "$PORT_PLACEMENT" "OS_PLACEMENT_CONFIG_DIR=$etc/placement"

  cat >"$etc/glance/glance-api.conf" <<EOF
[DEFAULT]
use_stderr = true
bind_host = 127.0.0.1
bind_port = $PORT_GLANCE
workers = 1
enabled_backends = fs:file
[database]
connection = $db/glance$dbopts
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $STATE/glance/images
[os_glance_staging_store]
filesystem_store_datadir = $STATE/glance/staging
[os_glance_tasks_store]
filesystem_store_datadir = $STATE/glance/tasks
[paste_deploy]
flavor = keystone
config_file = /etc/glance/glance-api-paste.ini
[keystone_authtoken]
$auth
[oslo_concurrency]
lock_path = $STATE/glance/lock
EOF

  cat >"$etc/neutron/neutron.conf" <<EOF
[DEFAULT]
use_stderr = true
bind_host = 127.0.0.1
bind_port = $PORT_NEUTRON
core_plugin = ml2
service_plugins =
auth_strategy = keystone
transport_url = $rabbit
api_workers = 1
rpc_workers = 0
rpc_state_report_workers = 0
notify_nova_on_port_status_changes = false
notify_nova_on_port_data_changes = false
state_path = $STATE/neutron
api_paste_config = /etc/neutron/api-paste.ini
[database]
connection = $db/neutron$dbopts
[keystone_authtoken]
$auth
[oslo_concurrency]
lock_path = $STATE/neutron/lock
EOF
  # ML2 with no agents: enough for servers with no network (--nic none); nova-api still asks
  # neutron for security groups when it shows, lists or deletes a server.
  cat >"$etc/neutron/ml2_conf.ini" <<EOF
[ml2]
type_drivers = flat
tenant_network_types =
mechanism_drivers =
extension_drivers = port_security
[ml2_type_flat]
flat_networks = *
EOF

  cat >"$etc/nova/nova.conf" <<EOF
[DEFAULT]
use_stderr = true
transport_url = $rabbit
my_ip = 127.0.0.1
host = $COMPUTE_HOST
state_path = $STATE/nova
instances_path = $STATE/nova/instances
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = $PORT_NOVA
osapi_compute_workers = 1
compute_driver = libvirt.LibvirtDriver
[wsgi]
api_paste_config = /etc/nova/api-paste.ini
[api]
auth_strategy = keystone
[api_database]
connection = $db/nova_api$dbopts
[database]
connection = $db/nova$dbopts
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = -1
[keystone_authtoken]
$auth
[placement]
$auth
[neutron]
$auth
endpoint_override = http://127.0.0.1:$PORT_NEUTRON
[glance]
endpoint_override = http://127.0.0.1:$PORT_GLANCE
[libvirt]
virt_type = qemu
connection_uri = qemu+unix:///system?socket=$STATE/libvirt/run/libvirt-sock
[vnc]
enabled = false
[spice]
enabled = false
# The serial console as TCP with a virtlogd log: nova's console-log API then reads that file, also
# after the guest powered off (with a pty console it reads nothing from a stopped server, and
# appends what it reads from a running one's pty to the log a second time).
[serial_console]
enabled = true
proxyclient_address = 127.0.0.1
[privsep]
helper_command = privsep-helper --config-file $etc/nova/nova.conf
[oslo_concurrency]
lock_path = $STATE/nova/lock
EOF

  cat >"$etc/rabbitmq/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$PORT_RABBIT
loopback_users.guest = true
log.console = true
log.file = false
EOF
  echo '[].' >"$etc/rabbitmq/enabled_plugins"

  # libvirtd's own configuration, seen at /etc/libvirt inside its mount namespace.
  cat >"$etc/libvirt/libvirtd.conf" <<EOF
unix_sock_dir = "/run/libvirt"
auth_unix_rw = "none"
auth_unix_ro = "none"
unix_sock_rw_perms = "0770"
log_outputs = "2:stderr"
EOF
  cat >"$etc/libvirt/virtlogd.conf" <<EOF
log_outputs = "2:stderr"
EOF
  cat >"$etc/libvirt/qemu.conf" <<EOF
user = "root"
group = "root"
dynamic_ownership = 0
security_driver = "none"
EOF
}

uwsgi_ini() {
  local name=$1 script=$2 port=$3 env=$4
  cat >"$etc/$name/uwsgi.ini" <<EOF
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:$port
wsgi-file = $script
master = true
processes = 1
threads = 2
die-on-term = true
need-app = true
buffer-size = 65535
; keep-alive through uwsgi's http socket reset connections: one request per connection
add-header = Connection: close
env = $env
EOF
}

mysql_() { mariadb --socket="$run/mysqld.sock" -uroot "$@"; }

start_database() {
  if [[ ! -d $STATE/mysql/mysql ]]; then
    mariadb-install-db --defaults-file="$etc/mysql/my.cnf" --auth-root-authentication-method=socket \
      --skip-test-db >"$logs/mariadb-install.log" 2>&1 || die "mariadb-install-db failed; see $logs/mariadb-install.log"
  fi
  start mariadb mariadbd --defaults-file="$etc/mysql/my.cnf"
  wait_socket mariadb "$run/mysqld.sock" 60
  until mysql_ -e 'select 1' >/dev/null 2>&1; do
    alive mariadb || die "mariadb exited; see $logs/mariadb.err"
    sleep 0.2
  done
  local d sql="CREATE USER IF NOT EXISTS 'openstack'@'localhost' IDENTIFIED BY '$PASSWORD'; ALTER USER 'openstack'@'localhost' IDENTIFIED BY '$PASSWORD';"
  for d in keystone glance placement nova_api nova nova_cell0 neutron; do
    sql+="CREATE DATABASE IF NOT EXISTS $d; GRANT ALL ON $d.* TO 'openstack'@'localhost';"
  done
  mysql_ -e "$sql"
}

start_rabbitmq() {
  mkdir -p "$STATE/rabbitmq"
  start epmd epmd -port "$PORT_EPMD" -address 127.0.0.1
  wait_tcp epmd "$PORT_EPMD" 30
  start rabbitmq env HOME="$STATE/rabbitmq" ERL_EPMD_PORT="$PORT_EPMD" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_NODENAME=kvmactions@localhost RABBITMQ_DIST_PORT="$PORT_DIST" \
    RABBITMQ_CONFIG_FILE="$etc/rabbitmq/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$etc/rabbitmq/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$STATE/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$logs" RABBITMQ_PID_FILE="$run/rabbitmq.self.pid" \
    /usr/lib/rabbitmq/bin/rabbitmq-server
}

# libvirtd probes every qemu-system-* on its PATH at its first start (about 2 s each): its PATH
# holds the ppc64 emulators and the host's own (libvirt reports the host emulator's version as
# the hypervisor's, which nova checks). Its capabilities cache is kept in the state
# folder, so later starts are instant.
start_libvirt() {
  local bin=$STATE/libvirt/bin e
  mkdir -p "$bin" "$STATE/libvirt"/{run,lib,cache,log}
  for e in qemu-system-ppc64 qemu-system-ppc64le "qemu-system-$(uname -m)"; do
    [[ -x /usr/bin/$e ]] && ln -sf "/usr/bin/$e" "$bin/$e"
  done
  local script=$STATE/libvirt/namespace.sh
  cat >"$script" <<EOF
#!/bin/sh
# Runs inside a private mount namespace: libvirt's system paths are the state folder's.
set -e
mount --bind '$STATE/libvirt/run' /run/libvirt
mount --bind '$STATE/libvirt/lib' /var/lib/libvirt
mount --bind '$STATE/libvirt/cache' /var/cache/libvirt
mount --bind '$STATE/libvirt/log' /var/log/libvirt
mount --bind '$etc/libvirt' /etc/libvirt
export PATH='$bin':/usr/sbin
/usr/sbin/virtlogd -f /etc/libvirt/virtlogd.conf &
exec /usr/sbin/libvirtd -f /etc/libvirt/libvirtd.conf
EOF
  chmod +x "$script"
  mkdir -p /run/libvirt /var/lib/libvirt /var/cache/libvirt /var/log/libvirt
  start libvirt unshare --mount --propagation private "$script"
  wait_socket libvirt "$STATE/libvirt/run/libvirt-sock" 120
}

# The schema of each service, once (a marker file says it is done).
migrate() {
  local name=$1
  shift
  [[ -f $STATE/migrated-$name ]] && return
  "$@" >"$logs/migrate-$name.log" 2>&1 || die "$name's database migration failed; see $logs/migrate-$name.log"
  touch "$STATE/migrated-$name"
}

migrate_all() {
  local keystone=http://127.0.0.1:$PORT_KEYSTONE/v3 kconf=$etc/keystone/keystone.conf nconf=$etc/nova/nova.conf
  mkdir -p "$STATE"/keystone/{fernet-keys,credential-keys}
  # In parallel: each mostly waits on the database.
  (
    migrate keystone sh -c "keystone-manage --config-file '$kconf' db_sync &&
      keystone-manage --config-file '$kconf' fernet_setup --keystone-user root --keystone-group root &&
      keystone-manage --config-file '$kconf' credential_setup --keystone-user root --keystone-group root"
    # bootstrap is idempotent and keeps the endpoint's port current.
    keystone-manage --config-file "$kconf" bootstrap --bootstrap-password "$PASSWORD" \
      --bootstrap-admin-url "$keystone" --bootstrap-public-url "$keystone" --bootstrap-internal-url "$keystone" \
      --bootstrap-region-id RegionOne >"$logs/keystone-bootstrap.log" 2>&1 || die "keystone bootstrap failed; see $logs/keystone-bootstrap.log"
  ) &
  local pids=($!)
  migrate glance glance-manage --config-file "$etc/glance/glance-api.conf" db_sync &
  pids+=($!)
  migrate placement placement-manage --config-file "$etc/placement/placement.conf" db sync &
  pids+=($!)
  migrate nova sh -c "nova-manage --config-file '$nconf' api_db sync &&
    nova-manage --config-file '$nconf' cell_v2 map_cell0 &&
    (nova-manage --config-file '$nconf' cell_v2 list_cells | grep -q ' cell1 ' || nova-manage --config-file '$nconf' cell_v2 create_cell --name cell1) &&
    nova-manage --config-file '$nconf' db sync" &
  pids+=($!)
  migrate neutron neutron-db-manage --config-file "$etc/neutron/neutron.conf" \
    --config-file "$etc/neutron/ml2_conf.ini" upgrade heads &
  pids+=($!)
  local pid failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  ((failed == 0)) || die "a database migration failed (logs in $logs)"
}

# The catalog (services and endpoints on the current ports) and a small flavor, in one process.
write_catalog() {
  OS_CLIENT_CONFIG_FILE=$STATE/clouds.yaml OS_CLOUD=$CLOUD /usr/bin/python3 - \
    "$PORT_PLACEMENT" "$PORT_GLANCE" "$PORT_NEUTRON" "$PORT_NOVA" >"$logs/catalog.log" 2>&1 <<'EOF' ||
import sys
import openstack

placement, glance, neutron, nova = sys.argv[1:]
conn = openstack.connect()
wanted = {
    'placement': ('placement', f'http://127.0.0.1:{placement}'),
    'glance': ('image', f'http://127.0.0.1:{glance}'),
    'neutron': ('network', f'http://127.0.0.1:{neutron}'),
    'nova': ('compute', f'http://127.0.0.1:{nova}/v2.1'),
}
for name, (kind, url) in wanted.items():
    service = conn.identity.find_service(name) or conn.identity.create_service(name=name, type=kind)
    for interface in ('public', 'internal', 'admin'):
        found = [e for e in conn.identity.endpoints(service_id=service.id, interface=interface)]
        if not found:
            conn.identity.create_endpoint(service_id=service.id, interface=interface, url=url, region_id='RegionOne')
        elif found[0].url != url:
            conn.identity.update_endpoint(found[0], url=url)
        print(f'{kind} {interface} {url}')
EOF
    die "writing the catalog failed; see $logs/catalog.log"
}

write_flavor() {
  OS_CLIENT_CONFIG_FILE=$STATE/clouds.yaml OS_CLOUD=$CLOUD /usr/bin/python3 - >>"$logs/catalog.log" 2>&1 <<'EOF' ||
import openstack

conn = openstack.connect()
if not conn.compute.find_flavor('kvm-actions.small'):
    conn.compute.create_flavor(name='kvm-actions.small', ram=1024, vcpus=1, disk=1)
print('flavor kvm-actions.small')
EOF
    die "creating the flavor failed; see $logs/catalog.log"
}

write_clouds_yaml() {
  umask 077
  cat >"$STATE/clouds.yaml" <<EOF
clouds:
  $CLOUD:
    auth:
      auth_url: http://127.0.0.1:$PORT_KEYSTONE/v3
      username: admin
      password: $PASSWORD
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    identity_api_version: 3
EOF
  umask 022
}

# Waits until nova-compute has recorded its node, then maps it to cell1 (nova-manage takes ~10 s).
discover_compute() {
  local nconf=$etc/nova/nova.conf t0=$SECONDS
  mapped() { [[ -n $(mysql_ -N -e "select host from nova_api.host_mappings where host = '$COMPUTE_HOST'") ]]; }
  mapped && return
  until [[ -n $(mysql_ -N -e "select host from nova.compute_nodes where host = '$COMPUTE_HOST' and deleted = 0") ]]; do
    alive nova-compute || die "nova-compute exited; its log: $logs/nova-compute.log
$(tail -n 20 "$logs/nova-compute.log")"
    ((SECONDS - t0 < 300)) || die "nova-compute did not record its node within 300s; see $logs/nova-compute.log"
    sleep 1
  done
  nova-manage --config-file "$nconf" cell_v2 discover_hosts >"$logs/discover-hosts.log" 2>&1 || true
  mapped || die "nova-manage cell_v2 discover_hosts did not map $COMPUTE_HOST; see $logs/discover-hosts.log"
}

up() {
  local t0=$SECONDS
  started=()
  mkdir -p "$STATE" "$etc" "$run" "$logs" "$STATE"/nova/{instances,lock} "$STATE"/glance/{images,staging,tasks,lock} \
    "$STATE"/neutron/lock
  chmod 755 "$STATE"
  install_packages
  choose_settings
  write_configs
  write_clouds_yaml
  start_database
  start_rabbitmq
  local libvirt_before=0
  alive libvirt && libvirt_before=1
  start_libvirt &
  local libvirt_job=$!
  migrate_all
  start keystone uwsgi --ini "$etc/keystone/uwsgi.ini"
  start placement uwsgi --ini "$etc/placement/uwsgi.ini"
  start glance glance-api --config-file "$etc/glance/glance-api.conf"
  # neutron 21 lists ports with relationships other models define (port forwarding, DVR bindings), once
  # SQLAlchemy has configured its mappers: without the router plugins every port listing (which
  # nova-api makes to show a server) fails with "Port has no attribute port_forwardings".
  start neutron /usr/bin/python3 -c 'import sys
import neutron.cmd.eventlet
import neutron.db.migration.models.head, sqlalchemy.orm
sqlalchemy.orm.configure_mappers()
from neutron.cmd.eventlet.server import main
sys.argv[0] = "neutron-server"
sys.exit(main())' --config-file "$etc/neutron/neutron.conf" --config-file "$etc/neutron/ml2_conf.ini"
  wait_tcp rabbitmq "$PORT_RABBIT" 120
  start nova-api nova-api --config-file "$etc/nova/nova.conf"
  start nova-conductor nova-conductor --config-file "$etc/nova/nova.conf"
  start nova-scheduler nova-scheduler --config-file "$etc/nova/nova.conf"
  wait_tcp keystone "$PORT_KEYSTONE" 120
  write_catalog
  wait "$libvirt_job" || die "libvirtd did not start; see $logs/libvirt.log"
  ((libvirt_before)) || started+=(libvirt)
  start nova-compute nova-compute --config-file "$etc/nova/nova.conf"
  wait_tcp placement "$PORT_PLACEMENT" 120
  wait_tcp glance "$PORT_GLANCE" 120
  wait_tcp neutron "$PORT_NEUTRON" 120
  wait_tcp nova-api "$PORT_NOVA" 120
  write_flavor
  discover_compute
  log "started: ${started[*]:-nothing (all were running)}"
  status
  log "cloud $CLOUD is up in $((SECONDS - t0))s: OS_CLIENT_CONFIG_FILE=$STATE/clouds.yaml OS_CLOUD=$CLOUD"
  log "libvirt of the compute node: qemu+unix:///system?socket=$STATE/libvirt/run/libvirt-sock"
}

status() {
  local s pid
  for s in "${SERVICES[@]}"; do
    if alive "$s"; then
      printf '  %-15s running, pid %s\n' "$s" "$(pid_of "$s")"
    else
      printf '  %-15s stopped\n' "$s"
    fi
  done
  [[ -f $STATE/clouds.yaml ]] && printf '  clouds.yaml     %s (cloud %s)\n' "$STATE/clouds.yaml" "$CLOUD"
  return 0
}

# Processes whose command line or working folder is inside the state folder (qemu guests, uwsgi
# workers, privsep helpers): what a stop by pid could have missed.
leftovers() {
  local p
  for p in /proc/[0-9]*; do
    [[ ${p#/proc/} == "$$" ]] && continue
    if { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null | grep -qF "$STATE/" ||
      [[ $(readlink "$p/cwd" 2>/dev/null) == "$STATE"* ]]; then
      echo "${p#/proc/}"
    fi
  done
}

stop_group() {
  local name=$1 pid
  pid=$(pid_of "$name") || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    local t0=$SECONDS
    while kill -0 "$pid" 2>/dev/null && ((SECONDS - t0 < 15)); do sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    log "stopped $name (pid $pid)"
  fi
  rm -f "$run/$name.pid"
}

down() {
  [[ -d $STATE ]] || {
    log "nothing to stop: $STATE does not exist"
    return
  }
  local i
  # Guests first, through the private libvirtd (their qemu is not in libvirtd's process group).
  if alive libvirt; then
    local uri="qemu+unix:///system?socket=$STATE/libvirt/run/libvirt-sock" domain
    for domain in $(virsh -c "$uri" list --name 2>/dev/null); do
      virsh -c "$uri" destroy "$domain" >/dev/null 2>&1 && log "destroyed guest $domain"
    done
  fi
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_group "${SERVICES[i]}"; done
  local left
  left=$(leftovers)
  if [[ -n $left ]]; then
    log "still running after the stop, killing: $(echo $left)"
    kill -KILL $left 2>/dev/null || true
    sleep 0.5
    left=$(leftovers)
    [[ -z $left ]] || die "processes survived: $left"
  fi
  log "stopped: no process of $STATE is left"
}

case ${1:-} in
install)
  mkdir -p "$STATE"
  install_packages
  ;;
up) up ;;
down) down ;;
status) status ;;
purge)
  down
  rm -rf "$STATE"
  log "removed $STATE"
  ;;
*) die "usage: $0 install|up|down|status|purge (got '${1:-}')" ;;
esac
