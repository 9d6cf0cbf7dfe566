// Finds or starts MySQL/MariaDB and Redis. Uses MYSQL_URL / REDIS_URL when given; otherwise the local
// servers, starting them (and installing them with apt when running as root on Debian/Ubuntu).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const log = (msg) => console.log(`[infra] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
const DOCKER_HINT = 'docker compose -f docker/compose.yaml up -d';

function portOpen(host, port, timeout = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
    s.once('timeout', () => { s.destroy(); resolve(false); });
  });
}

async function waitFor(check, what, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`${what} did not come up within ${seconds} s`);
}

function aptInstall(pkg) {
  if (!isRoot || !hasApt) return false;
  log(`installing ${pkg} with apt-get …`);
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`, { stdio: 'inherit' });
  return true;
}

async function tryMysql(url) {
  const mysql = require('mysql2/promise');
  const u = new URL(url);
  try {
    const c = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password || ''), connectTimeout: 3000 });
    await c.end();
    return { ok: true };
  } catch (err) {
    return { ok: false, code: err.code, errno: err.errno, message: err.message };
  }
}

/** Returns a MYSQL_URL that works. */
export async function ensureMysql() {
  if (process.env.MYSQL_URL) {
    const r = await tryMysql(process.env.MYSQL_URL);
    if (!r.ok) throw new Error(`MYSQL_URL is set but MySQL does not answer: ${r.message}`);
    return process.env.MYSQL_URL;
  }
  const url = 'mysql://root@127.0.0.1:3306';
  if (!(await portOpen('127.0.0.1', 3306))) {
    if (!existsSync('/usr/sbin/mariadbd') && !existsSync('/usr/sbin/mysqld') && !aptInstall('mariadb-server')) {
      throw new Error(`No MySQL/MariaDB found. Set MYSQL_URL, or run: ${DOCKER_HINT}`);
    }
    log('starting MariaDB …');
    if (isRoot) execSync('mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld');
    const daemon = existsSync('/usr/sbin/mariadbd') ? '/usr/sbin/mariadbd' : '/usr/sbin/mysqld';
    // without --user=mysql the daemon refuses to run as root and start-stop-daemon says nothing
    spawnSync('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', daemon, '--', '--user=mysql'], { stdio: 'inherit' });
    await waitFor(() => portOpen('127.0.0.1', 3306), 'MariaDB');
  }
  const r = await tryMysql(url);
  if (r.ok) return url;
  // Fresh Debian: root may log in only through the socket (error 1698). Create an app user there.
  if (r.errno === 1698 || r.errno === 1045) {
    const mysql = require('mysql2/promise');
    const socketPath = ['/run/mysqld/mysqld.sock', '/var/run/mysqld/mysqld.sock'].find((p) => existsSync(p));
    if (socketPath && isRoot) {
      log('root over TCP is refused; creating the application user cws through the socket');
      const c = await mysql.createConnection({ socketPath, user: 'root' });
      for (const host of ['127.0.0.1', 'localhost']) {
        await c.query(`CREATE USER IF NOT EXISTS 'cws'@'${host}' IDENTIFIED BY 'cws'`);
        await c.query(`GRANT ALL PRIVILEGES ON \`cws\\_%\`.* TO 'cws'@'${host}'`);
      }
      await c.end();
      return 'mysql://cws:cws@127.0.0.1:3306';
    }
  }
  throw new Error(`MySQL answers but refuses the login (${r.message}). Set MYSQL_URL, or run: ${DOCKER_HINT}`);
}

async function redisPing(url) {
  const { default: IORedis } = await import('ioredis');
  const r = new IORedis(url, { maxRetriesPerRequest: 0, lazyConnect: true, connectTimeout: 2000, retryStrategy: () => null });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** Returns a REDIS_URL that works. */
export async function ensureRedis() {
  if (process.env.REDIS_URL) {
    if (!(await redisPing(process.env.REDIS_URL))) throw new Error('REDIS_URL is set but Redis does not answer');
    return process.env.REDIS_URL;
  }
  const url = 'redis://127.0.0.1:6379';
  if (await redisPing(url)) return url;
  if (!existsSync('/usr/bin/redis-server') && !aptInstall('redis-server')) {
    throw new Error(`No Redis found. Set REDIS_URL, or run: ${DOCKER_HINT}`);
  }
  log('starting Redis …');
  execSync('mkdir -p /var/lib/redis /var/log/redis');
  spawnSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no', '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/cws.log'], { stdio: 'inherit' });
  await waitFor(() => redisPing(url), 'Redis', 30);
  return url;
}

/** Which of these schemas exist on the server. */
export async function existingSchemas(url, names) {
  const mysql = require('mysql2/promise');
  const u = new URL(url);
  const c = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password || '') });
  try {
    const [rows] = await c.query('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (?)', [names]);
    return rows.map((r) => r.name);
  } finally {
    await c.end();
  }
}

export async function dropSchemas(url, names) {
  const mysql = require('mysql2/promise');
  const u = new URL(url);
  const c = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password || '') });
  try {
    for (const name of names) await c.query(`DROP DATABASE IF EXISTS \`${name.replace(/`/g, '')}\``);
  } finally {
    await c.end();
  }
}
