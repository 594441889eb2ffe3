/* db.c - the thin database layer: one connection per thread, cached prepared statements, reconnects. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "core/conf.h"
#include "store/db.h"
#include "store/dbcache.h"
#include "store/dbnodes.h"
#include "core/log.h"

#define DB_MAX_STMTS	512	/* distinct SQL literals one connection may cache */
#define DB_MAX_PARAMS	32
#define DB_IDLE_PING	5	/* seconds idle after which db_ready pings before use */

struct db_stmt {
	struct db	*db;
	const char	*sql;		/* the literal; also the cache key */
	MYSQL_STMT	*st;
	unsigned	 nparams;
	MYSQL_BIND	 pbind[DB_MAX_PARAMS];
	long long	 pint[DB_MAX_PARAMS];
	unsigned long	 plen[DB_MAX_PARAMS];
	MYSQL_RES	*meta;		/* NULL for statements without a result set */
	unsigned	 ncols;
	MYSQL_BIND	*rbind;
	char		**rbuf;
	unsigned long	*rlen;
	my_bool		*rnull;
	int		 executed;
	enum sql_kind	 kind;		/* from the SQL text (store/dbcache.h) */
	struct dbcache_result *hit;	/* answered from the reference snapshot: its rows */
	size_t		 hit_row;	/* the row db_step stands on, plus one */
	struct dbcache_build *build;	/* read from the server, to be kept once every row was read */
};

/*
 * While MariaDB is away every request fails to connect, on every thread: that is one failure, so
 * it is logged once, then counted (core/log.h), and db_ready logs the total once it is back.
 */
static struct log_flood db_unreachable = LOG_FLOOD_INIT("database unreachable", "requests answered 503");
static struct log_flood db_no_schema = LOG_FLOOD_INIT("database without the schema", "requests answered 503");

/*
 * The data generation is read once per request; requests of this process that want it at the same
 * time share one read. A request may take the result of a read that began after it asked (so it sees
 * every write committed before it asked, as its own read would), never of one already under way: it
 * waits for that one to end and for the next. Reads are numbered; one at a time is in flight.
 */
static struct {
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	unsigned long		 started;	/* reads begun */
	unsigned long		 done;		/* the number of the last read that ended */
	int			 in_flight;
	int			 ok;		/* the last read that ended found the row */
	unsigned long long	 data, ref;
	long long		 changed;
} gen_share = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0, 0, 0, 0, 0 };

struct db {
	const struct conf	*conf;
	MYSQL			*my;
	int			 broken;	/* connection lost: reconnect before the next use */
	int			 in_tx;
	void			(*after_commit)(void);	/* db_after_commit: run after COMMIT */
	time_t			 last_used;
	unsigned long		 trips;		/* round trips to the server so far (db_round_trips) */
	int			 no_schema;	/* this request met a missing table: the schema is not (all) there */
	int			 dirty;		/* the open transaction wrote: GEN_DATA, GEN_REF bits */
	int			 gen_known;	/* gen_data/gen_ref were read in this request */
	unsigned long long	 gen_data, gen_ref;
	long long		 gen_changed;	/* when data_gen last moved (Unix seconds, sql/022) */
	unsigned int		 last_errno;	/* the server's number for the last failure (db_last_errno) */
	int			 pin;		/* db_pin_node: connect to this node of db_nodes only; -1: any */
	int			 timed_out;	/* this request's statement ran past max_statement_time (TP_EBUSY) */
	int			 time_limit;	/* max_statement_time now set on the connection (s); -1: the server's */
	struct db_stmt		*stmts[DB_MAX_STMTS];
	size_t			 nstmts;
};

int
db_errno_is_connection(unsigned int err)
{
	switch (err) {
	case CR_CONNECTION_ERROR:
	case CR_CONN_HOST_ERROR:
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_SERVER_LOST_EXTENDED:
	case CR_COMMANDS_OUT_OF_SYNC:
	case ER_CONNECTION_KILLED:
	case ER_SERVER_SHUTDOWN:
	case ER_UNKNOWN_STMT_HANDLER:	/* the server forgot our statements: it restarted */
	case 4031:			/* ER_CLIENT_INTERACTION_TIMEOUT */
	case ER_UNKNOWN_COM_ERROR:	/* Galera: "WSREP has not yet prepared node for application use" (a
					 * node cut off from the cluster's majority): another node may take it */
		return 1;
	default:
		return 0;
	}
}

/* Record an error from the connection or a statement; mark the connection lost when it is. */
static void
note_error(struct db *db, unsigned int err, const char *msg, const char *sql)
{
	db->last_errno = err;
	if (db_errno_is_connection(err)) {
		if (!db->broken)
			log_warn("db: connection lost (%u: %s)", err, msg);
		db->broken = 1;
		return;
	}
	if (err == ER_STATEMENT_TIMEOUT) {	/* the request's time limit (db_time_limit): busy, not a bug */
		db->timed_out = 1;
		log_warn("db: statement stopped after max_statement_time (%ds); in: %.80s", db->time_limit, sql ? sql : "-");
		return;
	}
	if (err == ER_NO_SUCH_TABLE) {	/* not a bug of one query: the database was never migrated (or only in part) */
		db->no_schema = 1;
		log_flood_hit(&db_no_schema, LOG_ERR, "database without the schema (%s; in: %.80s): run tpportal-migrate",
		    msg, sql ? sql : "-");
		return;
	}
	if (err == ER_DUP_ENTRY || err == ER_LOCK_DEADLOCK || err == ER_LOCK_WAIT_TIMEOUT) {
		/* expected under concurrent saves: the save pipeline retries or answers the first result */
		log_info("db: %u: %s; in: %.120s", err, msg, sql ? sql : "-");
		return;
	}
	log_err("db: error %u: %s; in: %.120s", err, msg, sql ? sql : "-");
}

int
db_last_errno(const struct db *db)
{
	switch (db->last_errno) {
	case ER_DUP_ENTRY:
		return DB_E_DUPLICATE;
	case ER_LOCK_DEADLOCK:
	case ER_LOCK_WAIT_TIMEOUT:
		return DB_E_RETRY;
	default:
		return 0;
	}
}

struct db *
db_new(const struct conf *c)
{
	struct db *db = calloc(1, sizeof(*db));

	if (db != NULL) {
		db->conf = c;
		db->pin = -1;
	}
	return db;
}

enum { GEN_DATA = 1, GEN_REF = 2 };

static const char sql_gen_read[] =
	"SELECT data_gen, ref_gen, FLOOR(UNIX_TIMESTAMP(data_changed_at)) FROM data_generation WHERE id = 1";
static int	gen_read(struct db *);

static const char sql_gen_bump[] =
	"UPDATE data_generation SET data_gen = data_gen + 1, ref_gen = ref_gen + ? WHERE id = 1";

static void
stmt_free_result(struct db_stmt *s)
{
	unsigned i;

	if (s->hit != NULL) {
		dbcache_release(s->hit);
		s->hit = NULL;
		s->executed = 0;
	}
	dbcache_build_free(s->build);
	s->build = NULL;
	if (s->executed)
		mysql_stmt_free_result(s->st);
	s->executed = 0;
	if (s->rbuf != NULL)
		for (i = 0; i < s->ncols; i++)
			free(s->rbuf[i]);
	free(s->rbuf);
	free(s->rbind);
	free(s->rlen);
	free(s->rnull);
	s->rbuf = NULL;
	s->rbind = NULL;
	s->rlen = NULL;
	s->rnull = NULL;
}

static void
stmt_free(struct db_stmt *s)
{
	stmt_free_result(s);
	if (s->meta != NULL)
		mysql_free_result(s->meta);
	if (s->st != NULL)
		mysql_stmt_close(s->st);
	free(s);
}

static void
disconnect(struct db *db)
{
	size_t i;

	for (i = 0; i < db->nstmts; i++)
		stmt_free(db->stmts[i]);
	db->nstmts = 0;
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
	db->in_tx = 0;
	db->dirty = 0;
	db->gen_known = 0;
	db->after_commit = NULL;
}

void
db_free(struct db *db)
{
	if (db == NULL)
		return;
	disconnect(db);
	free(db);
}

/* Read the first line of the password file into pw (size n). 0, or -1 (logged). */
static int
read_password(const char *path, char *pw, size_t n)
{
	FILE *fp;

	pw[0] = '\0';
	if (path == NULL || *path == '\0')
		return 0;
	if ((fp = fopen(path, "r")) == NULL) {
		log_flood_hit(&db_unreachable, LOG_ERR, "database unreachable: cannot read password file %s: %s; "
		    "answering 503, repeats are counted", path, strerror(errno));
		return -1;
	}
	if (fgets(pw, (int)n, fp) == NULL)
		pw[0] = '\0';
	fclose(fp);
	pw[strcspn(pw, "\r\n")] = '\0';
	return 0;
}

/*
 * The node a new connection tries first: the one the last successful connection of this process
 * reached (db_nodes), so that after a failover every thread moves to the same node and stays there.
 */
static unsigned int node_first;
static pthread_mutex_t node_mu = PTHREAD_MUTEX_INITIALIZER;

/*
 * A Galera node accepts connections before it is part of the cluster's primary component (joining,
 * or cut off from the majority) and then refuses every query: such a node is skipped. A server
 * without Galera has no wsrep_ready and is always ready.
 */
static const char sql_wsrep_ready[] =
	"SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_READY'";

/* 1 when the connected server takes queries, 0 when it is a Galera node not ready. */
static int
node_ready(MYSQL *my)
{
	MYSQL_RES *res;
	MYSQL_ROW row;
	int ready = 1;

	if (mysql_real_query(my, sql_wsrep_ready, sizeof(sql_wsrep_ready) - 1) != 0)
		return 0;
	if ((res = mysql_store_result(my)) == NULL)
		return 0;
	if ((row = mysql_fetch_row(res)) != NULL && row[0] != NULL && strcmp(row[0], "ON") != 0)
		ready = 0;
	mysql_free_result(res);
	return ready;
}

/* A new handle with the session settings every connection gets. NULL when out of memory. */
static MYSQL *
handle_new(void)
{
	unsigned int timeout = 3, rw_timeout = 30;
	my_bool off = 0;
	MYSQL *my;

	if ((my = mysql_init(NULL)) == NULL)
		return NULL;
	mysql_optionsv(my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_optionsv(my, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
	mysql_optionsv(my, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
	mysql_optionsv(my, MYSQL_OPT_RECONNECT, &off);	/* we reconnect ourselves, then re-prepare */
	mysql_optionsv(my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_optionsv(my, MYSQL_INIT_COMMAND,
	    "SET collation_connection = 'utf8mb4_unicode_ci', time_zone = '+09:00', "
	    "innodb_lock_wait_timeout = " DB_STR(DB_LOCK_WAIT) ", "
	    "sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
	return my;
}

/*
 * Connect to the first node of db_nodes that answers and is ready, starting at node_first; without
 * db_nodes, to db_socket. 0, or -1 with the failure logged once per outage (log_flood).
 */
static int
connect_db(struct db *db)
{
	const struct conf *c = db->conf;
	struct db_node nodes[DB_NODES_MAX], one;
	const char *bad;
	char pw[256], name[DB_NODE_HOST + 8], why[DB_NODE_HOST + 640] = "";
	unsigned int first, i;
	int n, multi, rc = -1;

	disconnect(db);
	if (read_password(c->db_password_file, pw, sizeof(pw)) != 0)
		return -1;
	if (c->db_nodes != NULL) {
		if ((n = db_nodes_parse(c->db_nodes, nodes, DB_NODES_MAX, &bad)) < 0) {
			log_flood_hit(&db_unreachable, LOG_ERR, "database unreachable: db_nodes cannot be read at '%.40s'; "
			    "answering 503, repeats are counted", bad ? bad : "");
			goto out;
		}
	} else {
		memset(&one, 0, sizeof(one));
		snprintf(one.socket, sizeof(one.socket), "%s", c->db_socket);
		nodes[0] = one;
		n = 1;
	}
	multi = n > 1;
	pthread_mutex_lock(&node_mu);
	first = node_first % (unsigned int)n;
	pthread_mutex_unlock(&node_mu);
	if (db->pin >= 0) {	/* this node or none (db_pin_node) */
		if (db->pin >= n)
			goto out;
		nodes[0] = nodes[db->pin];
		first = 0;
		n = 1;
	}
	for (i = 0; i < (unsigned int)n; i++) {
		const struct db_node *node = &nodes[(first + i) % (unsigned int)n];

		db_node_name(node, name, sizeof(name));
		if ((db->my = handle_new()) == NULL) {
			snprintf(why, sizeof(why), "out of memory");
			break;
		}
		if (mysql_real_connect(db->my, node->host[0] ? node->host : NULL, c->db_user, pw[0] ? pw : NULL,
		    c->db_name, node->port, node->socket[0] ? node->socket : NULL, 0) == NULL)
			snprintf(why, sizeof(why), "cannot connect to %s as %.100s: %.400s", name, c->db_user, mysql_error(db->my));
		else if (multi && !node_ready(db->my))
			snprintf(why, sizeof(why), "%s is not ready (a Galera node outside the primary component)", name);
		else {
			if (db->pin < 0 && multi) {
				pthread_mutex_lock(&node_mu);
				if (node_first % (unsigned int)n != (first + i) % (unsigned int)n)
					log_warn("db: now using database node %s", name);
				node_first = (first + i) % (unsigned int)n;
				pthread_mutex_unlock(&node_mu);
			}
			db->broken = 0;
			db->time_limit = -1;
			rc = 0;
			goto out;
		}
		if (multi)
			log_debug("db: node %s: %s", name, why);
		mysql_close(db->my);
		db->my = NULL;
	}
	if (db->pin >= 0) {	/* one node's own connection (the per-node indexer): its caller says so */
		log_debug("db: pinned node: %s", why);
		goto out;
	}
	log_flood_hit(&db_unreachable, LOG_ERR, "database unreachable: %s%s; answering 503, repeats are counted",
	    n > 1 ? "no node of db_nodes answers; last: " : "", why);
out:
	explicit_bzero(pw, sizeof(pw));
	return rc;
}

void
db_pin_node(struct db *db, int node)
{
	disconnect(db);
	db->pin = node;
}

int
db_library_init(void)
{
	if (mysql_library_init(0, NULL, NULL) != 0) {
		log_err("db: cannot initialise the MariaDB client library");
		return TP_EFAIL;
	}
	return 0;
}

void
db_library_end(void)
{
	mysql_library_end();
}

int
db_thread_init(void)
{
	return mysql_thread_init() == 0 ? 0 : TP_EFAIL;
}

void
db_thread_end(void)
{
	mysql_thread_end();
}

int
db_schema_missing(const struct db *db)
{
	return db->no_schema;
}

unsigned long
db_round_trips(const struct db *db)
{
	return db->trips;
}

int
db_check(struct db *db)
{
	if (db->my == NULL || db->broken)
		return TP_EGONE;
	db->trips++;
	if (mysql_ping(db->my) != 0) {
		note_error(db, mysql_errno(db->my), mysql_error(db->my), "ping");
		return db_err(db);
	}
	db->last_used = time(NULL);
	return 0;
}

int
db_ready(struct db *db)
{
	time_t now = time(NULL);

	if (db->my != NULL && !db->broken && db->in_tx) {
		log_warn("db: a request left a transaction open; rolling back");
		db_rollback(db);
	}
	db->gen_known = 0;	/* a new request: the generation is read again when it is needed */
	/* a connection that sat idle is tried before use with the one query most pages need anyway, the
	 * data generation (db_generation keeps it for this request): no round trip of its own */
	if (db->my != NULL && !db->broken && now - db->last_used >= DB_IDLE_PING) {
		db->no_schema = 0;
		db->gen_known = gen_read(db) == 0;	/* on this connection: the one to try */
		if (!db->gen_known && !db->broken && !db->no_schema && (db->trips++, 1) && mysql_ping(db->my) != 0)
			note_error(db, mysql_errno(db->my), mysql_error(db->my), "ping");
	}
	if (db->my == NULL || db->broken) {
		if (connect_db(db) != 0) {
			db->broken = 1;
			return TP_EGONE;
		}
		log_flood_end(&db_unreachable);
		log_info("db: connected");
	}
	db->no_schema = 0;
	db->timed_out = 0;
	db->last_used = now;
	return 0;
}

int
db_err(const struct db *db)
{
	if (db->broken || db->my == NULL || db->no_schema)
		return TP_EGONE;
	return db->timed_out ? TP_EBUSY : TP_EFAIL;
}

int
db_time_limit(struct db *db, int seconds)
{
	static const char sql[] = "SET SESSION max_statement_time = ?";
	struct db_stmt *st;

	if (db->my == NULL || db->broken)
		return TP_EGONE;
	if (db->time_limit == seconds)
		return 0;	/* already so on this connection: no round trip */
	if ((st = db_prepare(db, sql)) == NULL || db_bind_int(st, 0, seconds) != 0 || db_write(st, NULL, NULL) != 0)
		return db_err(db);
	db->time_limit = seconds;
	return 0;
}

static struct db_stmt *
stmt_new(struct db *db, const char *sql)
{
	struct db_stmt *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->db = db;
	s->sql = sql;
	if ((s->st = mysql_stmt_init(db->my)) == NULL)
		goto fail;
	if (mysql_stmt_prepare(s->st, sql, strlen(sql)) != 0) {
		note_error(db, mysql_stmt_errno(s->st), mysql_stmt_error(s->st), sql);
		goto fail;
	}
	s->nparams = (unsigned)mysql_stmt_param_count(s->st);
	if (s->nparams > DB_MAX_PARAMS) {
		log_err("db: too many parameters in: %.120s", sql);
		goto fail;
	}
	s->meta = mysql_stmt_result_metadata(s->st);
	s->ncols = s->meta != NULL ? mysql_num_fields(s->meta) : 0;
	s->kind = dbcache_classify(sql);
	return s;
fail:
	stmt_free(s);
	return NULL;
}

struct db_stmt *
db_prepare(struct db *db, const char *sql)
{
	struct db_stmt *s;
	size_t i;

	if (db->my == NULL || db->broken)
		return NULL;
	for (i = 0; i < db->nstmts; i++)
		if (db->stmts[i]->sql == sql)
			return db->stmts[i];
	if (db->nstmts == DB_MAX_STMTS) {
		log_err("db: statement cache full");
		return NULL;
	}
	if ((s = stmt_new(db, sql)) == NULL)
		return NULL;
	db->stmts[db->nstmts++] = s;
	return s;
}

static int
bind_check(struct db_stmt *st, int i)
{
	if (i < 0 || (unsigned)i >= st->nparams) {
		log_err("db: bind index %d out of range in: %.120s", i, st->sql);
		return DB_ERR;
	}
	return 0;
}

int
db_bind_int(struct db_stmt *st, int i, long long v)
{
	MYSQL_BIND *b;

	if (bind_check(st, i) != 0)
		return DB_ERR;
	b = &st->pbind[i];
	memset(b, 0, sizeof(*b));
	st->pint[i] = v;
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = &st->pint[i];
	return 0;
}

int
db_bind_text(struct db_stmt *st, int i, const char *s)
{
	MYSQL_BIND *b;

	if (s == NULL)
		return db_bind_null(st, i);
	if (bind_check(st, i) != 0)
		return DB_ERR;
	b = &st->pbind[i];
	memset(b, 0, sizeof(*b));
	st->plen[i] = strlen(s);
	b->buffer_type = MYSQL_TYPE_STRING;
	b->buffer = (void *)(uintptr_t)s;	/* the API takes void * but only reads it */
	b->buffer_length = st->plen[i];
	b->length = &st->plen[i];
	return 0;
}

int
db_bind_null(struct db_stmt *st, int i)
{
	if (bind_check(st, i) != 0)
		return DB_ERR;
	memset(&st->pbind[i], 0, sizeof(st->pbind[i]));
	st->pbind[i].buffer_type = MYSQL_TYPE_NULL;
	return 0;
}

/* Size the result buffers from the stored result's widest values, and bind them. */
static int
bind_result(struct db_stmt *s)
{
	MYSQL_FIELD *f = mysql_fetch_fields(s->meta);
	unsigned i;

	s->rbind = calloc(s->ncols, sizeof(*s->rbind));
	s->rbuf = calloc(s->ncols, sizeof(*s->rbuf));
	s->rlen = calloc(s->ncols, sizeof(*s->rlen));
	s->rnull = calloc(s->ncols, sizeof(*s->rnull));
	if (!s->rbind || !s->rbuf || !s->rlen || !s->rnull)
		return DB_ERR;
	for (i = 0; i < s->ncols; i++) {
		unsigned long size = f[i].max_length;

		if (size < 64)
			size = 64;	/* numbers and dates are converted to text: small, whatever their type */
		if ((s->rbuf[i] = malloc(size + 1)) == NULL)
			return DB_ERR;
		s->rbind[i].buffer_type = MYSQL_TYPE_STRING;
		s->rbind[i].buffer = s->rbuf[i];
		s->rbind[i].buffer_length = size + 1;
		s->rbind[i].length = &s->rlen[i];
		s->rbind[i].is_null = &s->rnull[i];
	}
	if (mysql_stmt_bind_result(s->st, s->rbind) != 0)
		return DB_ERR;
	return 0;
}

/* The bound values of s as bytes: the reference snapshot's key beside the statement. Returns the
 * length (0 when they do not fit: the result is then not kept). */
static size_t
params_key(const struct db_stmt *s, char *key, size_t size)
{
	size_t n = 0, len;
	unsigned i;

	for (i = 0; i < s->nparams; i++) {
		const MYSQL_BIND *b = &s->pbind[i];

		if (b->buffer_type == MYSQL_TYPE_LONGLONG) {
			if (n + 1 + sizeof(long long) > size)
				return 0;
			key[n++] = 'i';
			memcpy(key + n, b->buffer, sizeof(long long));
			n += sizeof(long long);
		} else if (b->buffer_type == MYSQL_TYPE_STRING) {
			len = s->plen[i];
			if (n + 1 + sizeof(len) + len > size)
				return 0;
			key[n++] = 's';
			memcpy(key + n, &len, sizeof(len));
			memcpy(key + n + sizeof(len), b->buffer, len);
			n += sizeof(len) + len;
		} else {
			if (n + 1 > size)
				return 0;
			key[n++] = 'n';
		}
	}
	key[n] = '\0';	/* the size given leaves room for it */
	return n + 1;	/* never 0: a statement without parameters has a key too */
}

/*
 * A SELECT of reference data outside a transaction: answer it from the snapshot (1), or arrange for
 * its rows to be kept as they are read (0). Inside a transaction the server answers: it may have
 * written the rows itself.
 */
static int
from_snapshot(struct db_stmt *s)
{
	unsigned long long gen;
	char key[1024];
	size_t n;

	if (s->kind != SQL_READ_REF || s->db->in_tx || db_generation(s->db, NULL, &gen) != 0)
		return 0;
	if ((n = params_key(s, key, sizeof(key) - 1)) == 0)
		return 0;
	if ((s->hit = dbcache_get(s->sql, key, n, gen)) != NULL) {
		s->executed = 1;
		s->hit_row = 0;
		return 1;
	}
	s->build = dbcache_build_new(s->sql, key, n, gen, s->ncols);
	return 0;
}

static int
execute(struct db_stmt *s)
{
	struct db *db = s->db;
	my_bool on = 1;
	int implicit = 0, rc = DB_ERR;

	if (db->broken)
		return DB_ERR;
	if (from_snapshot(s))
		return 0;
	if (s->nparams > 0 && mysql_stmt_bind_param(s->st, s->pbind) != 0)
		goto err;
	if (s->kind == SQL_WRITE_DATA || s->kind == SQL_WRITE_REF) {
		/* a write moves the generation on in its own transaction: one made for it when none is open */
		if (!db->in_tx) {
			if (db_begin(db) != 0)
				return DB_ERR;
			implicit = 1;
		}
		db->dirty |= GEN_DATA | (s->kind == SQL_WRITE_REF ? GEN_REF : 0);
	}
	db->trips++;
	if (mysql_stmt_execute(s->st) != 0)
		goto err;
	s->executed = 1;
	if (s->ncols == 0) {
		rc = DB_DONE;
		goto out;
	}
	mysql_stmt_attr_set(s->st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	if (mysql_stmt_store_result(s->st) != 0)
		goto err;
	if (bind_result(s) != 0) {
		log_err("db: out of memory for a result");
		rc = DB_ERR;
		goto out;
	}
	rc = 0;
	goto out;
err:
	note_error(db, mysql_stmt_errno(s->st), mysql_stmt_error(s->st), s->sql);
	rc = DB_ERR;
out:
	if (implicit && (rc == DB_ERR ? db_rollback(db) : db_commit(db)) != 0)
		rc = DB_ERR;
	return rc;
}

/* Keep the row db_step just fetched in the snapshot being built (with the rows before it). */
static void
build_row(struct db_stmt *s)
{
	char null[DB_MAX_PARAMS * 4];
	unsigned i;

	if (s->ncols > sizeof(null)) {
		dbcache_build_free(s->build);
		s->build = NULL;
		return;
	}
	for (i = 0; i < s->ncols; i++)
		null[i] = (char)s->rnull[i];
	if (dbcache_build_row(s->build, s->rbuf, s->rlen, null) != 0) {
		dbcache_build_free(s->build);
		s->build = NULL;
	}
}

int
db_step(struct db_stmt *st)
{
	int rc;

	if (!st->executed) {
		if ((rc = execute(st)) != 0)
			return rc;
	} else if (st->ncols == 0)
		return DB_DONE;
	if (st->hit != NULL)
		return st->hit_row++ < dbcache_rows(st->hit) ? DB_ROW : DB_DONE;
	switch (mysql_stmt_fetch(st->st)) {
	case 0:
		if (st->build != NULL)
			build_row(st);
		return DB_ROW;
	case MYSQL_NO_DATA:
		if (st->build != NULL) {
			dbcache_publish(st->build);	/* every row was read: keep them */
			st->build = NULL;
		}
		return DB_DONE;
	case MYSQL_DATA_TRUNCATED:
		log_err("db: truncated column in: %.120s", st->sql);
		return DB_ERR;
	default:
		note_error(st->db, mysql_stmt_errno(st->st), mysql_stmt_error(st->st), st->sql);
		return DB_ERR;
	}
}

void
db_reset(struct db_stmt *st)
{
	if (st == NULL)
		return;
	/* a reader that took the first row only (page_row_one): the rest are in memory already
	 * (mysql_stmt_store_result), so read them too and keep the whole result */
	while (st->build != NULL && st->executed && st->hit == NULL) {
		int f = mysql_stmt_fetch(st->st);

		if (f == 0)
			build_row(st);
		else {
			if (f == MYSQL_NO_DATA)
				dbcache_publish(st->build);
			else
				dbcache_build_free(st->build);
			st->build = NULL;
		}
	}
	stmt_free_result(st);
	memset(st->pbind, 0, sizeof(st->pbind));
}

int
db_col_count(const struct db_stmt *st)
{
	return (int)st->ncols;
}

const char *
db_col_name(const struct db_stmt *st, int i)
{
	if (i < 0 || (unsigned)i >= st->ncols)
		return NULL;
	return mysql_fetch_fields(st->meta)[i].name;
}

const char *
db_col_text(const struct db_stmt *st, int i)
{
	if (st->hit != NULL)
		return i < 0 || st->hit_row == 0 ? NULL : dbcache_cell(st->hit, st->hit_row - 1, (unsigned)i);
	if (i < 0 || (unsigned)i >= st->ncols || st->rbuf == NULL || st->rnull[i])
		return NULL;
	st->rbuf[i][st->rlen[i]] = '\0';
	return st->rbuf[i];
}

long long
db_col_int(const struct db_stmt *st, int i)
{
	const char *s = db_col_text(st, i);

	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

int
db_col_isnull(const struct db_stmt *st, int i)
{
	return db_col_text(st, i) == NULL;
}

unsigned long long
db_affected(const struct db_stmt *st)
{
	return (unsigned long long)mysql_stmt_affected_rows(st->st);
}

unsigned long long
db_insert_id(const struct db_stmt *st)
{
	return (unsigned long long)mysql_stmt_insert_id(st->st);
}

int
db_exec(struct db *db, const char *sql)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc;

	if (st == NULL)
		return DB_ERR;
	while ((rc = db_step(st)) == DB_ROW)
		;
	db_reset(st);
	return rc == DB_DONE ? 0 : DB_ERR;
}

int
db_write(struct db_stmt *st, unsigned long long *affected, long long *insert_id)
{
	int rc = db_step(st);

	if (rc == DB_DONE) {
		if (affected != NULL)
			*affected = db_affected(st);
		if (insert_id != NULL)
			*insert_id = (long long)db_insert_id(st);
	}
	db_reset(st);
	return rc == DB_DONE ? 0 : DB_ERR;
}

int
db_exists(struct db *db, const char *sql, long long id)
{
	struct db_stmt *st = db_prepare(db, sql);
	int rc, n = 0;

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW)
		n = db_col_int(st, 0) > 0;
	db_reset(st);
	return rc == DB_ERR ? DB_ERR : n;
}

int
db_begin(struct db *db)
{
	if (db->my == NULL || db->broken)
		return DB_ERR;
	if (mysql_autocommit(db->my, 0) != 0) {
		note_error(db, mysql_errno(db->my), mysql_error(db->my), "BEGIN");
		return DB_ERR;
	}
	db->last_errno = 0;
	db->in_tx = 1;
	return 0;
}

/* The open transaction wrote page data: move the generation on, as its last statement (the one row
 * is then locked only for the commit, so waiting for it makes no deadlock). 0 or DB_ERR. */
static int
bump(struct db *db, int wrote)
{
	struct db_stmt *st = db_prepare(db, sql_gen_bump);

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, (wrote & GEN_REF) ? 1 : 0);
	return db_write(st, NULL, NULL);
}

int
db_bump_data(struct db *db)
{
	int rc, tries;

	if (db->in_tx)
		return DB_ERR;
	/* on its own (autocommit): under Galera it may meet another node's bump, which is no error of ours */
	for (tries = 0; (rc = bump(db, GEN_DATA)) != 0 && db_last_errno(db) == DB_E_RETRY && tries < 5; tries++)
		;
	if (rc == 0)
		db->gen_known = 0;
	return rc;
}

static int
end_tx(struct db *db, int commit)
{
	void (*fn)(void) = db->after_commit;
	int rc = 0, wrote = db->dirty;

	db->after_commit = NULL;
	db->dirty = 0;
	if (db->my == NULL || db->broken) {
		db->in_tx = 0;
		return DB_ERR;
	}
	if (commit && wrote && bump(db, wrote) != 0) {
		commit = 0;	/* without its generation the write would stay unseen behind kept pages */
		rc = DB_ERR;
	}
	if (wrote)
		db->gen_known = 0;	/* this request reads the generation again (its own write moved it) */
	if ((commit ? mysql_commit(db->my) : mysql_rollback(db->my)) != 0) {
		note_error(db, mysql_errno(db->my), mysql_error(db->my), commit ? "COMMIT" : "ROLLBACK");
		rc = DB_ERR;
	}
	mysql_autocommit(db->my, 1);
	db->in_tx = 0;
	if (commit && rc == 0 && fn != NULL)
		fn();
	return rc;
}

/* This connection's own read of the generation row: 0, TP_ENOTFOUND (no row) or a TP_E* code. */
static int
gen_read(struct db *db)
{
	struct db_stmt *st;
	int rc;

	if ((st = db_prepare(db, sql_gen_read)) == NULL)
		return db_err(db);
	if ((rc = db_step(st)) == DB_ROW) {
		db->gen_data = (unsigned long long)db_col_int(st, 0);
		db->gen_ref = (unsigned long long)db_col_int(st, 1);
		db->gen_changed = db_col_int(st, 2);
	}
	db_reset(st);
	if (rc != DB_ROW)
		return rc == DB_ERR ? db_err(db) : TP_ENOTFOUND;
	return 0;
}

/* The generation for a request outside a transaction, read by this connection or shared (gen_share). */
static int
gen_read_shared(struct db *db)
{
	unsigned long ticket, mine;
	int rc;

	pthread_mutex_lock(&gen_share.mu);
	ticket = gen_share.started;
	for (;;) {
		if (gen_share.done > ticket) {	/* a read that began after this request asked has ended */
			if (!gen_share.ok)
				break;		/* it failed: this connection tries for itself, and says why */
			db->gen_data = gen_share.data;
			db->gen_ref = gen_share.ref;
			db->gen_changed = gen_share.changed;
			pthread_mutex_unlock(&gen_share.mu);
			return 0;
		}
		if (!gen_share.in_flight) {
			mine = ++gen_share.started;
			gen_share.in_flight = 1;
			pthread_mutex_unlock(&gen_share.mu);
			rc = gen_read(db);
			pthread_mutex_lock(&gen_share.mu);
			gen_share.in_flight = 0;
			gen_share.done = mine;
			gen_share.ok = rc == 0;
			gen_share.data = db->gen_data;
			gen_share.ref = db->gen_ref;
			gen_share.changed = db->gen_changed;
			pthread_cond_broadcast(&gen_share.cv);
			pthread_mutex_unlock(&gen_share.mu);
			return rc;
		}
		pthread_cond_wait(&gen_share.cv, &gen_share.mu);
	}
	pthread_mutex_unlock(&gen_share.mu);
	return gen_read(db);
}

int
db_generation(struct db *db, unsigned long long *data, unsigned long long *ref)
{
	int rc;

	if (!db->gen_known || db->in_tx) {
		/* in a transaction the read is its own: it must see what the transaction wrote */
		if ((rc = db->in_tx ? gen_read(db) : gen_read_shared(db)) != 0)
			return rc;
		db->gen_known = !db->in_tx;
	}
	if (data != NULL)
		*data = db->gen_data;
	if (ref != NULL)
		*ref = db->gen_ref;
	return 0;
}

long long
db_generation_changed(const struct db *db)
{
	return db->gen_changed;
}

void
db_snapshot_stats(size_t *entries, unsigned long *hits, unsigned long *misses)
{
	dbcache_stats(entries, hits, misses);
}

void
db_snapshot_clear(void)
{
	dbcache_clear();
}

void
db_after_commit(struct db *db, void (*fn)(void))
{
	if (db->in_tx)
		db->after_commit = fn;
	else if (fn != NULL)
		fn();
}

int
db_commit(struct db *db)
{
	return end_tx(db, 1);
}

int
db_rollback(struct db *db)
{
	return end_tx(db, 0);
}
