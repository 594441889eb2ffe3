<?cs # account_email_facts.cs - an account's address and the one waiting for confirmation (Account.*). ?>
<dl class="facts">
<dt><?cs var:L.account_mail.current ?></dt><dd class="break"><?cs if:Account.email ?><?cs var:Account.email ?><?cs else ?><span class="unknown"><?cs var:L.none ?></span><?cs /if ?></dd>
<?cs if:Account.pending ?><dt><?cs var:L.account_mail.pending ?></dt><dd class="break"><?cs var:Account.pending ?> <span class="note"><?cs var:L.account_mail.pending_note ?></span></dd><?cs /if ?>
</dl>
