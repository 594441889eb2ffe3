<?cs # unsubscribe.cs - the one-click unsubscribe link of a notification: no sign-in; GET asks, POST ends it. ?>
<?cs set:Page.Title = L.notify.unsub_title ?>
<?cs include:"header.cs" ?>
<?cs def:topic() ?><?cs var:L.notify.topics[Sub.topic] ?><?cs if:Sub.category ?>: <?cs call:ko(Sub.category) ?><?cs /if ?><?cs /def ?>
<h1><?cs var:L.notify.unsub_title ?></h1>
<?cs if:Result == "done" ?><p class="ok" role="status"><?cs var:L.notify.unsub_done ?> (<?cs call:topic() ?>)</p>
<?cs elif:Result == "gone" ?><p><?cs var:L.notify.unsub_gone ?></p>
<?cs else ?><p><?cs var:L.notify.unsub_lead ?> <strong><?cs call:topic() ?></strong></p>
<form method="post" action="/unsubscribe/<?cs var:Form.token ?>" class="stacked narrow">
<div class="actions"><button type="submit"><?cs var:L.notify.unsub_submit ?></button></div>
</form><?cs /if ?>
<p><a href="/account/notifications"><?cs var:L.notify.manage ?></a></p>
<?cs include:"footer.cs" ?>
