<?cs # admin_minutes.cs - write a meeting's minutes in Markdown and publish them; the stored ones are shown as
readers will see them. A stale save merges three ways (form.cs conflict()). ?>
<?cs set:Page.Title = Meeting.title + " " + L.committee_admin.minutes ?><?cs set:Page.TitleKo = 1 ?><?cs if:User.admin ?><?cs set:Page.Nav = "admin" ?><?cs else ?><?cs set:Page.Nav = "committee_admin" ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_committee_form.cs" ?>
<p class="crumbs"><a href="/admin/meetings/<?cs var:Meeting.id ?>"><?cs call:ko(Meeting.title) ?></a></p>
<h1><?cs call:ko(Meeting.title) ?> <?cs var:L.committee_admin.minutes ?></h1>
<?cs call:cnav() ?>
<?cs if:Meeting.not_started ?><p class="conflict" role="note"><?cs var:L.committee_admin.not_started_note ?></p><?cs /if ?>
<?cs call:done() ?>
<p><?cs if:User.admin ?><a href="/admin/history?entity=minutes&amp;id=<?cs var:Meeting.id ?>"><?cs var:L.admin.record_history ?></a> ·<?cs /if ?>
<a href="/committees/<?cs var:url_escape(Committee.slug) ?>/meetings/<?cs var:Meeting.id ?>#min-h"><?cs var:L.committee_admin.public_page ?></a></p>
<?cs call:cform_errors() ?>
<form method="post" action="/admin/meetings/<?cs var:Meeting.id ?>/minutes" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:conflict() ?>
<?cs if:!Conflict.fields.body ?><div class="field<?cs if:Form.body.error ?> invalid<?cs /if ?>">
<label for="f-body"><?cs var:L.committee_admin.field.minutes ?></label>
<span class="hint"><?cs var:L.committee_admin.minutes_hint ?></span>
<textarea rows="20"<?cs call:field_attrs("body", Form.body, 0) ?><?cs call:ko_lang() ?>><?cs var:Form.body.value ?></textarea>
<?cs call:field_msg("body", Form.body) ?>
</div><?cs /if ?>
<?cs call:checkbox("published", L.committee_admin.minutes_publish, Form.published) ?>
<div class="actions"><button type="submit"><?cs var:L.form.save ?></button>
<a href="/admin/meetings/<?cs var:Meeting.id ?>"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs if:Stored.body_html ?>
<section aria-labelledby="preview-h">
<h2 id="preview-h"><?cs var:L.committee_admin.minutes_preview ?> (<?cs if:Stored.published == 1 ?><?cs var:L.committee_admin.minutes_is_published ?><?cs if:Stored.published_at ?> <?cs var:Stored.published_at ?><?cs /if ?><?cs else ?><?cs var:L.committee_admin.minutes_draft ?><?cs /if ?>)</h2>
<div class="minutes"<?cs call:ko_lang() ?>>
<?cs # uvar: the stored minutes' HTML, made by cmark in safe mode (markdown.c: raw HTML and unsafe links dropped) when they were saved. ?>
<?cs uvar:Stored.body_html ?>
</div>
</section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
