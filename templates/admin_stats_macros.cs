<?cs # admin_stats_macros.cs - the figures forms' error summary and value fields (their labels are the
stats.field.* texts, so form.cs's summary, which reads field.*, is not used here). ?>
<?cs def:stats_errors() ?><?cs if:Form.errors > 0 ?>
<div class="errors" role="alert" aria-labelledby="errors-h">
<h2 id="errors-h"><?cs var:L.form.fix ?></h2>
<ul>
<?cs each:e = Form.Errors ?><li><a href="#f-<?cs var:e ?>"><?cs var:L.stats.field[e] ?>: <?cs var:Form[e].error ?></a></li>
<?cs /each ?></ul>
</div>
<?cs /if ?><?cs if:Form.message ?><p class="errors" role="alert"><?cs var:Form.message ?></p><?cs /if ?><?cs /def ?>
<?cs # The four values; empty means unknown. ?>
<?cs def:stats_values() ?>
<?cs call:input("companies", L.stats.field.companies, Form.companies, "text", 0, L.stats.hint_count) ?>
<?cs call:input("employees", L.stats.field.employees, Form.employees, "text", 0, L.stats.hint_count) ?>
<?cs call:input("revenue", L.stats.field.revenue, Form.revenue, "text", 0, L.stats.hint_revenue) ?>
<?cs call:input("members", L.stats.field.members, Form.members, "text", 0, L.stats.hint_count) ?>
<?cs /def ?>
