/* svgchart.c - the arithmetic of the figures' bar charts; the SVG markup is in templates/stats.cs. */
#include <string.h>

#include "view/svgchart.h"

#define PAD_LEFT	78	/* tick labels ("17조 5,000억 원" is the widest) */
#define PAD_RIGHT	8
#define PAD_TOP		26	/* value labels above the highest bar */
#define PAD_BOTTOM	34	/* slot labels (years) under the zero line */
#define TICKS		4	/* intervals aimed at */

long long
svgchart_nice(long long x)
{
	long long p = 1;

	if (x <= 1)
		return 1;
	while (p <= x / 10)
		p *= 10;
	if (p >= x)
		return p;
	if (2 * p >= x)
		return 2 * p;
	if (5 * p >= x)
		return 5 * p;
	return 10 * p;
}

/* round(a * b / c) for non-negative numbers, without overflow for chart-sized b. */
static int
scale(long long a, int b, long long c)
{
	long double v = (long double)a * b / (long double)c;

	return (int)(v + 0.5L);
}

int
svgchart_layout(const long long *values, const int *known, size_t n, int width, int height,
    struct svgchart *out)
{
	long long top = 0;
	int plot_w, plot_h, bw;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (n == 0 || n > SVGCHART_MAX_BARS || width <= PAD_LEFT + PAD_RIGHT + (int)n ||
	    height <= PAD_TOP + PAD_BOTTOM + 10)
		return -1;
	for (i = 0; i < n; i++) {
		if (known[i] && values[i] < 0)
			return -1;
		if (known[i] && values[i] > top)
			top = values[i];
	}
	out->width = width;
	out->height = height;
	out->left = PAD_LEFT;
	out->right = width - PAD_RIGHT;
	out->top = PAD_TOP;
	out->base = height - PAD_BOTTOM;
	plot_w = out->right - out->left;
	plot_h = out->base - out->top;
	out->step = svgchart_nice((top + TICKS - 1) / TICKS);
	out->max = (top + out->step - 1) / out->step * out->step;
	if (out->max == 0)
		out->max = out->step;
	for (i = 0; i * out->step <= (size_t)out->max && i < SVGCHART_MAX_TICKS; i++) {
		out->tick[i].value = (long long)i * out->step;
		out->tick[i].y = out->base - scale(out->tick[i].value, plot_h, out->max);
	}
	out->nticks = i;
	out->slot = plot_w / (int)n;
	bw = out->slot * 3 / 5;
	if (bw > 72)
		bw = 72;
	if (bw < 1)
		bw = 1;
	for (i = 0; i < n; i++) {
		struct svgchart_bar *b = &out->bar[i];

		b->known = known[i] != 0;
		b->value = b->known ? values[i] : 0;
		b->cx = out->left + (int)i * out->slot + out->slot / 2;
		b->w = bw;
		b->x = b->cx - bw / 2;
		b->h = b->known ? scale(b->value, plot_h, out->max) : 0;
		b->y = out->base - b->h;
	}
	out->nbars = n;
	return 0;
}
