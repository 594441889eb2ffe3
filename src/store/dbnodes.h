/*
 * dbnodes.h - the list of database nodes a portal may connect to (conf key db_nodes, docs/ha.md).
 *
 * A replicated database (MariaDB Galera) has several nodes that all take reads and writes. The portal
 * keeps one connection per thread to one of them; when it is lost, the next connection is made to the
 * next node that answers (store/db.c). The list is text: entries separated by spaces or commas, each a
 * unix socket (an absolute path) or a TCP address, host or host:port ([v6-address]:port for IPv6).
 */
#ifndef TP_STORE_DBNODES_H
#define TP_STORE_DBNODES_H

#include <stddef.h>

#define DB_NODES_MAX	16
#define DB_NODE_HOST	256	/* a host name (RFC 1035: at most 253) or a socket path (108 on Linux) */

struct db_node {
	char		 host[DB_NODE_HOST];	/* TCP host, or "" for a socket */
	char		 socket[DB_NODE_HOST];	/* unix socket path, or "" for TCP */
	unsigned int	 port;			/* TCP port; 0: the client's default (3306) */
};

/*
 * Parse list into nodes[0..max-1]. The number of nodes (at least 1), or -1 when the list is empty,
 * holds more than max entries or an entry that is neither a path nor host[:port] (*bad then points at
 * it, for the error message).
 */
int	db_nodes_parse(const char *list, struct db_node *nodes, size_t max, const char **bad);

/* The node as text for log lines ("host:port" or the socket path) into buf (size n). */
void	db_node_name(const struct db_node *node, char *buf, size_t n);

#endif
