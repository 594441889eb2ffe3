<?cs # admin_meeting_new.cs - schedule a meeting of a committee. ?>
<?cs if:Page.Lang != "ko" && Committee.name_en ?><?cs set:Page.Title = Committee.name_en + " " + L.committee_admin.meeting_new_title ?><?cs else ?><?cs set:Page.Title = Committee.name_ko + " " + L.committee_admin.meeting_new_title ?><?cs set:Page.TitleKo = 1 ?><?cs /if ?><?cs if:User.admin ?><?cs set:Page.Nav = "admin" ?><?cs else ?><?cs set:Page.Nav = "committee_admin" ?><?cs /if ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<?cs include:"admin_committee_form.cs" ?>
<p class="crumbs"><a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee_admin.title ?></a></p>
<h1><?cs call:loc(Committee.name_ko, Committee.name_en) ?> <?cs var:L.committee_admin.meeting_new_title ?></h1>
<?cs call:cnav() ?>
<?cs call:cform_errors() ?>
<form method="post" action="/admin/committees/<?cs var:url_escape(Committee.slug) ?>/meetings" class="stacked">
<?cs call:csrf() ?>
<?cs call:save_fields() ?>
<?cs call:meeting_fields() ?>
<div class="actions"><button type="submit"><?cs var:L.committee_admin.meeting_create ?></button>
<a href="/admin/committees/<?cs var:url_escape(Committee.slug) ?>"><?cs var:L.form.cancel ?></a></div>
</form>
<?cs include:"footer.cs" ?>
