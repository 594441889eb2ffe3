<?cs # admin_stats_year.cs - correct one year's figures; a stale save merges three ways (form.cs conflict()). ?>
<?cs set:Page.Title = Year + L.stats.year_suffix + " " + L.stats.edit_title ?><?cs set:Page.Nav = "admin" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_stats_macros.cs" ?>
<p class="crumbs"><a href="/admin/stats"><?cs var:L.stats.admin_title ?></a></p>
<h1><?cs var:Year ?><?cs var:L.stats.year_suffix ?> <?cs var:L.stats.edit_title ?></h1>
<?cs include:"admin_nav.cs" ?>
<p class="note"><?cs var:L.stats.unknown_note ?></p>
<?cs if:Page.Notice ?><p class="ok" role="status"><?cs var:Page.Notice ?></p><?cs /if ?>
<?cs call:stats_errors() ?>
<form method="post" action="/admin/stats/<?cs var:Year ?>" class="stacked narrow">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs call:stats_values() ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/stats"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs include:"footer.cs" ?>
