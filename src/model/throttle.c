/* throttle.c - the progressive delay of throttle.h: pure arithmetic, no database (model/account.c counts). */
#include "model/throttle.h"

long
throttle_step(long long excess, long base, long max)
{
	long wait = base;

	if (excess < 1 || base <= 0)
		return 0;
	while (--excess > 0 && wait < max)
		wait = wait > max / 2 ? max : wait * 2;
	return wait < max ? wait : max;
}

long
throttle_wait(long long n, long long limit, long long since, long base, long max)
{
	long wait;

	if (n <= limit || since < 0)
		return 0;
	wait = throttle_step(n - limit, base, max);
	return since >= wait ? 0 : wait - (long)since;
}
