<?cs # stats.cs - the network's figures by year: the table (also the charts' text alternative), a bar
chart per measure drawn as SVG from numbers computed in src/svgchart.c, and the CSV download.
Unknown values are 알려지지 않음 in the table and an empty slot marked unknown in a chart, never 0. ?>
<?cs set:Page.Title = L.stats.title ?><?cs set:Page.Nav = "stats" ?>
<?cs include:"header.cs" ?>
<h1><?cs var:L.stats.title ?></h1>
<p class="lead"><?cs var:L.stats.intro ?></p>
<p><a href="/stats.csv" download><?cs var:L.stats.csv_link ?></a> <span class="meta"><?cs var:L.stats.csv_note ?></span></p>

<section aria-labelledby="table-h">
<h2 id="table-h"><?cs var:L.stats.table ?></h2>
<?cs if:FigureCount == 0 ?><p><?cs var:L.stats.empty ?></p><?cs else ?>
<div class="table-wrap">
<table class="figures" id="figures-table">
<caption><?cs var:L.stats.caption ?></caption>
<thead><tr><th scope="col"><?cs var:L.stats.col.year ?></th><th scope="col"><?cs var:L.stats.col.companies ?></th><th scope="col"><?cs var:L.stats.col.employees ?></th><th scope="col"><?cs var:L.stats.col.revenue ?></th><th scope="col"><?cs var:L.stats.col.members ?></th><th scope="col"><?cs var:L.stats.col.source ?></th></tr></thead>
<tbody>
<?cs each:f = Figures ?><tr><th scope="row" data-label="<?cs var:L.stats.col.year ?>"><?cs var:f.year ?></th><td class="num" data-label="<?cs var:L.stats.col.companies ?>"><?cs call:fact(f.companies) ?></td><td class="num" data-label="<?cs var:L.stats.col.employees ?>"><?cs call:fact(f.employees) ?></td><td class="num" data-label="<?cs var:L.stats.col.revenue ?>"><?cs call:fact(f.revenue) ?></td><td class="num" data-label="<?cs var:L.stats.col.members ?>"><?cs call:fact(f.members) ?></td><td data-label="<?cs var:L.stats.col.source ?>"><?cs if:f.source ?><?cs call:ko(f.source) ?><?cs else ?><?cs var:L.stats.by_secretariat ?><?cs /if ?><?cs if:f.is_demo ?> <span class="badge demo" title="<?cs var:L.stats.demo_note ?>"><?cs var:L.demo ?></span><?cs /if ?></td></tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?>
</section>

<?cs # One chart. The svg is an image (role="img") named by its title and described by its desc, which
reads out every year's value; the table above holds the same numbers. ?>
<?cs def:chart(c) ?>
<section aria-labelledby="chart-<?cs var:c.name ?>-h" class="chart">
<h2 id="chart-<?cs var:c.name ?>-h"><?cs var:L.stats.chart[c.name] ?></h2>
<svg class="chart" viewBox="0 0 <?cs var:c.width ?> <?cs var:c.height ?>" role="img" aria-labelledby="chart-<?cs var:c.name ?>-t chart-<?cs var:c.name ?>-d" xmlns="http://www.w3.org/2000/svg">
<title id="chart-<?cs var:c.name ?>-t"><?cs var:L.stats.chart[c.name] ?></title>
<desc id="chart-<?cs var:c.name ?>-d"><?cs var:L.stats.desc ?> <?cs each:b = c.bars ?><?cs var:b.year ?><?cs var:L.stats.year_suffix ?> <?cs if:b.label ?><?cs var:b.label ?><?cs else ?><?cs var:L.unknown ?><?cs /if ?>. <?cs /each ?></desc>
<g class="grid">
<?cs each:t = c.ticks ?><line x1="<?cs var:c.left ?>" x2="<?cs var:c.right ?>" y1="<?cs var:t.y ?>" y2="<?cs var:t.y ?>"/>
<text class="tick" x="<?cs var:c.tick_x ?>" y="<?cs var:t.label_y ?>" text-anchor="end"><?cs var:t.label ?></text>
<?cs /each ?></g>
<?cs each:b = c.bars ?><?cs if:b.label ?><rect class="bar" x="<?cs var:b.x ?>" y="<?cs var:b.y ?>" width="<?cs var:b.w ?>" height="<?cs var:b.h ?>"/>
<?cs if:b.label_y ?><text class="value" x="<?cs var:b.cx ?>" y="<?cs var:b.label_y ?>" text-anchor="middle"><?cs var:b.label ?></text><?cs /if ?>
<?cs else ?><rect class="unknown-slot" x="<?cs var:b.x ?>" y="<?cs var:c.top ?>" width="<?cs var:b.w ?>" height="<?cs var:c.plot_h ?>"/>
<text class="unknown-label" x="<?cs var:b.cx ?>" y="<?cs var:c.middle ?>" text-anchor="middle" dominant-baseline="middle" transform="rotate(-90 <?cs var:b.cx ?> <?cs var:c.middle ?>)"><?cs var:L.unknown ?></text>
<?cs /if ?><text class="year" x="<?cs var:b.cx ?>" y="<?cs var:c.year_y ?>" text-anchor="middle"><?cs var:b.year ?></text>
<?cs /each ?><line class="axis" x1="<?cs var:c.left ?>" x2="<?cs var:c.right ?>" y1="<?cs var:c.base ?>" y2="<?cs var:c.base ?>"/>
</svg>
</section>
<?cs /def ?>
<?cs if:ChartCut.count ?><p class="meta" id="chart-cut"><?cs var:L.stats.chart_cut.a ?><?cs var:ChartCut.count ?><?cs var:L.stats.chart_cut.b ?><?cs var:ChartCut.from ?><?cs var:L.stats.chart_cut.c ?></p><?cs /if ?>
<?cs each:c = Charts ?><?cs call:chart(c) ?><?cs /each ?>
<p class="meta"><?cs var:L.stats.note ?></p>
<?cs include:"footer.cs" ?>
