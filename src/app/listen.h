/*
 * listen.h - the server's listening socket: a unix path, host:port, or one inherited from the service
 * manager. Every refusal is one log line naming the `socket` key and what is wrong; nothing here exits
 * (libfcgi's FCGX_OpenSocket calls exit() on a bind error, and unlinks a path another server answers on).
 */
#ifndef TP_APP_LISTEN_H
#define TP_APP_LISTEN_H

/*
 * Open SPEC for listening: "-" is the socket on standard input (tpportal.socket, spawn-fcgi), a spec
 * with a '/' a unix socket path, anything else [host]:port. A path is taken over only when nothing
 * answers on it (a stale file: ECONNREFUSED); a path that exists but cannot be connected to for another
 * reason is refused, since another server may still be using it. The fd is non-blocking (the workers
 * poll it; a connection another worker accepted first is EAGAIN, not a wait), or -1 (logged).
 */
int	listen_open(const char *spec, int backlog);

#endif
