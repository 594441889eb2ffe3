<?cs # account_notify.cs - the notifications a user chooses (page_account_notify.c); none are on until chosen. ?>
<?cs set:Page.Title = L.notify.title ?><?cs set:Page.Account = "notify" ?>
<?cs include:"header.cs" ?>
<?cs include:"form.cs" ?>
<h1><?cs var:L.notify.title ?></h1>
<?cs include:"account_nav.cs" ?>
<?cs if:Done ?><p class="ok" role="status"><?cs var:L.notify.saved ?></p><?cs /if ?>
<p><?cs var:L.notify.lead ?></p>
<form method="post" action="/account/notifications" class="stacked">
<?cs call:csrf() ?>
<fieldset>
<legend><?cs var:L.notify.work ?></legend>
<?cs if:Page.Role == "secretariat" ?><div class="field check"><input type="checkbox" id="n-requests" name="requests" value="1"<?cs if:Chosen.requests ?> checked<?cs /if ?>>
<label for="n-requests"><?cs var:L.notify.requests ?></label></div><?cs /if ?>
<div class="field check"><input type="checkbox" id="n-decisions" name="decisions" value="1"<?cs if:Chosen.decisions ?> checked<?cs /if ?>>
<label for="n-decisions"><?cs var:L.notify.decisions ?></label></div>
<div class="field check"><input type="checkbox" id="n-meetings" name="meetings" value="1"<?cs if:Chosen.meetings ?> checked<?cs /if ?>>
<label for="n-meetings"><?cs var:L.notify.meetings ?></label>
<span class="hint" id="n-meetings-person"><?cs if:Person.name ?><?cs var:L.notify.person_linked ?> <?cs call:ko(Person.name) ?> (<?cs call:loc(Person.org, Person.org_en) ?>), <?cs var:L.notify.person_seats ?> <?cs var:Person.seats ?><?cs else ?><?cs var:L.notify.person_none ?><?cs /if ?></span></div>
</fieldset>
<fieldset>
<legend><?cs var:L.notify.news ?></legend>
<div class="field check"><input type="checkbox" id="n-pinned" name="news_pinned" value="1"<?cs if:Chosen.news_pinned ?> checked<?cs /if ?>>
<label for="n-pinned"><?cs var:L.notify.news_pinned ?></label></div>
<?cs each:c = Categories ?><div class="field check"><input type="checkbox" id="n-cat-<?cs var:c.id ?>" name="category" value="<?cs var:c.id ?>"<?cs if:Chosen["cat" + c.id] ?> checked<?cs /if ?>>
<label for="n-cat-<?cs var:c.id ?>"><?cs var:L.notify.news_category ?>: <?cs call:loc(c.name_ko, c.name_en) ?></label></div>
<?cs /each ?></fieldset>
<div class="actions"><button type="submit"><?cs var:L.notify.submit ?></button></div>
</form>
<p class="note"><?cs var:L.notify.note ?></p>
<?cs include:"footer.cs" ?>
