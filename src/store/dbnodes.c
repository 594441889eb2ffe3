/* dbnodes.c - parse the db_nodes list (store/dbnodes.h). Pure: no connection is made here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/dbnodes.h"

static int
is_sep(char c)
{
	return c == ' ' || c == '\t' || c == ',';
}

/* A host name or address: letters, digits, '.', '-', '_' (and ':' inside brackets, handled by the caller). */
static int
host_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n >= DB_NODE_HOST)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '-' || c == '_'))
			return 0;
	}
	return 1;
}

/* Digits only, 1..65535. */
static int
port_parse(const char *s, size_t n, unsigned int *port)
{
	unsigned long v = 0;
	size_t i;

	if (n == 0 || n > 5)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	if (v == 0 || v > 65535)
		return 0;
	*port = (unsigned int)v;
	return 1;
}

/* One entry s[0..n-1] into node. 1, or 0 when it is not a path nor host[:port]. */
static int
entry_parse(const char *s, size_t n, struct db_node *node)
{
	const char *colon, *host = s;
	size_t hostlen = n;

	memset(node, 0, sizeof(*node));
	if (s[0] == '/') {
		if (n >= sizeof(node->socket))
			return 0;
		memcpy(node->socket, s, n);
		return 1;
	}
	if (s[0] == '[') {	/* [v6]:port */
		const char *end = memchr(s, ']', n);
		size_t i;

		if (end == NULL || end == s + 1)
			return 0;
		host = s + 1;
		hostlen = (size_t)(end - host);
		for (i = 0; i < hostlen; i++)
			if (!((host[i] >= '0' && host[i] <= '9') || (host[i] >= 'a' && host[i] <= 'f') ||
			    (host[i] >= 'A' && host[i] <= 'F') || host[i] == ':' || host[i] == '.'))
				return 0;
		if (hostlen >= sizeof(node->host))
			return 0;
		memcpy(node->host, host, hostlen);
		if ((size_t)(end + 1 - s) == n)
			return 1;
		if (end[1] != ':')
			return 0;
		return port_parse(end + 2, n - (size_t)(end + 2 - s), &node->port);
	}
	if ((colon = memchr(s, ':', n)) != NULL) {
		hostlen = (size_t)(colon - s);
		if (!port_parse(colon + 1, n - hostlen - 1, &node->port))
			return 0;
	}
	if (!host_ok(host, hostlen))
		return 0;
	memcpy(node->host, host, hostlen);
	return 1;
}

int
db_nodes_parse(const char *list, struct db_node *nodes, size_t max, const char **bad)
{
	const char *p = list;
	size_t count = 0;

	*bad = NULL;
	if (list == NULL)
		return -1;
	for (;;) {
		size_t n;

		while (is_sep(*p))
			p++;
		if (*p == '\0')
			break;
		for (n = 0; p[n] != '\0' && !is_sep(p[n]); n++)
			;
		if (count == max || !entry_parse(p, n, &nodes[count])) {
			*bad = p;
			return -1;
		}
		count++;
		p += n;
	}
	return count > 0 ? (int)count : -1;
}

void
db_node_name(const struct db_node *node, char *buf, size_t n)
{
	if (node->socket[0] != '\0')
		snprintf(buf, n, "%s", node->socket);
	else if (strchr(node->host, ':') != NULL)
		snprintf(buf, n, "[%s]:%u", node->host, node->port ? node->port : 3306);
	else
		snprintf(buf, n, "%s:%u", node->host, node->port ? node->port : 3306);
}
