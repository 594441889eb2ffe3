<?cs # admin_stats_year.cs - correct one year's figures; a stale save shows the stored numbers beside the user's. ?>
<?cs set:Page.Title = Year + L.stats.year_suffix + " " + L.stats.edit_title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_stats_macros.cs" ?>
<p class="crumbs"><a href="/admin/stats"><?cs var:L.stats.admin_title ?></a></p>
<h1><?cs var:Year ?><?cs var:L.stats.year_suffix ?> <?cs var:L.stats.edit_title ?></h1>
<?cs include:"admin_nav.cs" ?>
<?cs if:Conflict ?>
<section class="conflict" role="alert" aria-labelledby="conflict-h">
<h2 id="conflict-h"><?cs var:L.form.conflict_title ?></h2>
<p><?cs var:L.form.conflict_text ?></p>
<div class="table-wrap">
<table>
<caption><?cs var:L.form.conflict_title ?></caption>
<thead><tr><th scope="col"><?cs var:L.form.field ?></th><th scope="col"><?cs var:L.form.conflict_current ?></th><th scope="col"><?cs var:L.form.conflict_yours ?></th></tr></thead>
<tbody>
<?cs each:f = Current ?><tr<?cs if:f.value != Form[name(f)].value ?> class="differs"<?cs /if ?>><th scope="row" data-label="<?cs var:L.form.field ?>"><?cs var:L.stats.field[name(f)] ?></th><td data-label="<?cs var:L.form.conflict_current ?>"><?cs call:fact(f.value) ?></td><td data-label="<?cs var:L.form.conflict_yours ?>"><?cs call:fact(Form[name(f)].value) ?></td></tr>
<?cs /each ?></tbody>
</table>
</div>
</section>
<?cs /if ?>
<p class="note"><?cs var:L.stats.unknown_note ?></p>
<?cs call:stats_errors() ?>
<form method="post" action="/admin/stats/<?cs var:Year ?>" class="stacked narrow">
<?cs call:csrf() ?>
<input type="hidden" name="version" value="<?cs var:Form.version.value ?>">
<?cs call:stats_values() ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/stats"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs include:"footer.cs" ?>
