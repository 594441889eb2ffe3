<?cs # admin_mail_failed.cs - on /admin for the secretariat: mail the relay refused or that could not be sent (page_admin_mail.c). ?>
<?cs if:MailFailedCount > 0 ?><section class="mail-failed" aria-labelledby="mail-failed-h">
<h2 id="mail-failed-h"><?cs var:L.mail_admin.failed_title ?>: <?cs var:MailFailedCount ?><?cs var:L.mail_admin.count ?></h2>
<p class="note"><?cs var:L.mail_admin.failed_note ?></p>
<div class="table-wrap">
<table>
<caption><?cs var:L.mail_admin.failed_caption ?></caption>
<thead><tr><th scope="col">#</th><th scope="col"><?cs var:L.mail_admin.kind ?></th><th scope="col"><?cs var:L.mail_admin.to ?></th><th scope="col"><?cs var:L.mail_admin.queued_at ?></th><th scope="col"><?cs var:L.mail_admin.tries ?></th><th scope="col"><?cs var:L.mail_admin.answer ?></th></tr></thead>
<tbody>
<?cs each:m = MailFailed ?><tr>
<td class="num" data-label="#"><?cs var:m.id ?></td>
<td data-label="<?cs var:L.mail_admin.kind ?>"><?cs alt:L.mail_admin.kinds[m.kind] ?><?cs var:m.kind ?><?cs /alt ?></td>
<td class="break" data-label="<?cs var:L.mail_admin.to ?>"><?cs var:m.to ?></td>
<td data-label="<?cs var:L.mail_admin.queued_at ?>"><?cs var:m.created_at ?></td>
<td class="num" data-label="<?cs var:L.mail_admin.tries ?>"><?cs var:m.attempts ?></td>
<td class="break" data-label="<?cs var:L.mail_admin.answer ?>"><?cs var:m.answer ?></td>
</tr>
<?cs /each ?></tbody>
</table>
</div>
</section><?cs /if ?>
<?cs if:Page.MailSink ?><p><a href="/admin/mail"><?cs var:L.mail_admin.sink_link ?></a></p><?cs /if ?>
