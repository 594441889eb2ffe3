/*
 * throttle.h - progressive delay for attempts that can be guessed at (sign-in, password reset requests):
 * up to a limit in the window an attempt goes through at once; each attempt past the limit must wait
 * twice as long after the latest one as the one before it had to (base, 2 base, 4 base, ... up to max
 * seconds). Nothing is blocked for good: the owner of a login waits at most max seconds, and only when
 * the attempts come from the owner's own address.
 */
#ifndef TP_THROTTLE_H
#define TP_THROTTLE_H

/*
 * How many seconds an attempt must still wait (0: it goes through). n: the attempts counted in the window,
 * this one included; limit: how many go through at once; since: seconds since the latest other attempt
 * counted (< 0: none); base, max: the first wait past the limit and the longest one, in seconds.
 */
long	throttle_wait(long long n, long long limit, long long since, long base, long max);

/* The wait past the limit for an attempt that is excess attempts over it (1: the first): base doubled
 * excess - 1 times, at most max. */
long	throttle_step(long long excess, long base, long max);

#endif
