/*
 * svgchart.h - the numbers of a bar chart that a template draws as SVG (templates/stats.cs): the axis
 * scale, one slot per value, the ticks. Pure (unit-tested in tests/unit/test_svgchart.c); the markup
 * lives in the template, the arithmetic here.
 */
#ifndef TP_SVGCHART_H
#define TP_SVGCHART_H

#include <stddef.h>

#define SVGCHART_MAX_BARS	64
#define SVGCHART_MAX_TICKS	12

/* One value's slot. An unknown value has no bar (h = 0, known = 0): it is drawn as unknown, never as 0. */
struct svgchart_bar {
	int		known;
	long long	value;
	int		x, w;		/* the bar's left edge and width */
	int		y, h;		/* the bar's top and height (0 when unknown) */
	int		cx;		/* the slot's centre, for the labels under and above it */
};

struct svgchart_tick {
	long long	value;
	int		y;
};

struct svgchart {
	int			width, height;		/* the viewBox */
	int			left, right;		/* the plot's x range */
	int			top, base;		/* the plot's y range; base is the zero line */
	long long		max;			/* the axis maximum: a round number >= every value */
	long long		step;			/* between ticks */
	int			slot;			/* width of one value's slot */
	size_t			nbars, nticks;
	struct svgchart_bar	bar[SVGCHART_MAX_BARS];
	struct svgchart_tick	tick[SVGCHART_MAX_TICKS];
};

/*
 * Lay out n values (at most SVGCHART_MAX_BARS; known[i] == 0 marks an unknown one) in a chart of
 * width x height units, with room at the left for tick labels and below for the slot labels.
 * Values must be >= 0. The axis runs from 0 to a round maximum (1, 2 or 5 times a power of ten per
 * tick, four or five ticks). Returns 0, or -1 when n is 0 or too large, a value is negative, or the
 * size leaves no room to draw.
 */
int	svgchart_layout(const long long *values, const int *known, size_t n, int width, int height,
	    struct svgchart *out);

/* The smallest 1, 2 or 5 times a power of ten that is >= x (x >= 1). Exported for tests. */
long long	svgchart_nice(long long x);

#endif
