<?cs # admin_stats.cs - the network figures for the secretariat: every year, and a form to add one. ?>
<?cs set:Page.Title = L.stats.admin_title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_stats_macros.cs" ?>
<h1><?cs var:L.stats.admin_title ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Page.Done == "saved" ?><p class="ok" role="status"><?cs var:L.admin.saved ?></p><?cs /if ?>
<p><a href="/stats"><?cs var:L.stats.view_public ?></a> · <a href="/admin/history"><?cs var:L.admin.history ?></a></p>
<div class="table-wrap">
<table class="figures">
<caption><?cs var:L.stats.caption ?></caption>
<thead><tr><th scope="col"><?cs var:L.stats.col.year ?></th><th scope="col"><?cs var:L.stats.col.companies ?></th><th scope="col"><?cs var:L.stats.col.employees ?></th><th scope="col"><?cs var:L.stats.col.revenue_eok ?></th><th scope="col"><?cs var:L.stats.col.members ?></th><th scope="col"><?cs var:L.stats.col.source ?></th><th scope="col"><?cs var:L.stats.edit ?></th></tr></thead>
<tbody>
<?cs each:y = Years ?><tr><th scope="row" data-label="<?cs var:L.stats.col.year ?>"><?cs var:y.year ?></th><td class="num" data-label="<?cs var:L.stats.col.companies ?>"><?cs call:fact(y.companies) ?></td><td class="num" data-label="<?cs var:L.stats.col.employees ?>"><?cs call:fact(y.employees) ?></td><td class="num" data-label="<?cs var:L.stats.col.revenue_eok ?>"><?cs call:fact(y.revenue) ?></td><td class="num" data-label="<?cs var:L.stats.col.members ?>"><?cs call:fact(y.members) ?></td><td data-label="<?cs var:L.stats.col.source ?>"><?cs if:y.source ?><?cs call:ko(y.source) ?><?cs else ?><?cs var:L.stats.by_secretariat ?><?cs /if ?></td><td data-label="<?cs var:L.stats.edit ?>"><a href="/admin/stats/<?cs var:y.year ?>"><?cs var:y.year ?><?cs var:L.stats.year_suffix ?> <?cs var:L.stats.edit ?></a></td></tr>
<?cs /each ?></tbody>
</table>
</div>

<section aria-labelledby="new-h">
<h2 id="new-h"><?cs var:L.stats.add_year ?></h2>
<p class="note"><?cs var:L.stats.unknown_note ?></p>
<?cs call:stats_errors() ?>
<form method="post" action="/admin/stats" class="stacked narrow">
<?cs call:csrf() ?>
<input type="hidden" name="key" value="<?cs var:Form.key.value ?>">
<?cs call:input("year", L.stats.field.year, Form.year, "text", 1, L.stats.hint_year) ?>
<?cs call:stats_values() ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button></div>
</form>
</section>
<?cs include:"footer.cs" ?>
